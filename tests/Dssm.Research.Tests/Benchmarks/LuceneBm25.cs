using Dssm.Research.Evaluation;
using Dssm.Research.Ranking;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Dssm.Research.Tests.Benchmarks;

/// <summary>
/// Lucene's whole BM25 engine over the kit's analysed tokens — IndexWriter into a RAMDirectory,
/// <see cref="BM25Similarity"/>(k1, b), IndexSearcher with one SHOULD TermQuery per distinct query term boosted
/// by its count (Anserini's bag-of-words query) — to measure against <see cref="Bm25"/>. Lucene 4.8 keeps the
/// (k1 + 1) factor and Lucene's idf, so the scores differ from ours only by its one-byte length norm
/// (<c>SmallSingle.SingleToByte315(1/√|d|)</c>: |d| rounded to one of 256 values). Benchmark code only: the kit
/// keeps its own index (see <c>Evaluation/Bm25.cs</c>).
/// </summary>
sealed class LuceneBm25 : IDisposable
{
    const string Body = "body", Ord = "ord";
    readonly RAMDirectory directory = new();
    readonly DirectoryReader reader;
    readonly IndexSearcher searcher;
    readonly NumericDocValues ords;
    readonly string[] ids;

    public LuceneBm25(IReadOnlyList<(string Id, IReadOnlyList<string> Tokens)> docs, Bm25Options options, bool forceMerge = true)
    {
        var similarity = new BM25Similarity((float)options.K1, (float)options.B);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())
        {
            Similarity = similarity, OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256,
        };
        ids = docs.Select(d => d.Id).ToArray();
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < docs.Count; i++)
                writer.AddDocument([new TextField(Body, new TokenListStream(docs[i].Tokens)), new NumericDocValuesField(Ord, i)]);
            if (forceMerge) writer.ForceMerge(1);
            writer.Commit();
        }
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = similarity };
        ords = MultiDocValues.GetNumericValues(reader, Ord);
        BooleanQuery.MaxClauseCount = 4096;
    }

    public long IndexBytes => directory.GetSizeInBytes();

    public IReadOnlyList<ScoredDoc> Search(IReadOnlyList<string> queryTokens, int k)
    {
        var query = new BooleanQuery();
        foreach (var group in queryTokens.GroupBy(t => t, StringComparer.Ordinal))
            query.Add(new TermQuery(new Term(Body, group.Key)) { Boost = group.Count() }, Occur.SHOULD);
        if (query.Clauses.Count == 0) return [];
        return searcher.Search(query, k).ScoreDocs.Select(h => new ScoredDoc(ids[ords.Get(h.Doc)], h.Score)).ToArray();
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    /// <summary>Already analysed tokens as a Lucene token stream.</summary>
    sealed class TokenListStream : TokenStream
    {
        readonly IReadOnlyList<string> tokens;
        readonly ICharTermAttribute term;
        int next;

        public TokenListStream(IReadOnlyList<string> tokens)
        {
            this.tokens = tokens;
            term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (next >= tokens.Count) return false;
            ClearAttributes();
            term.SetEmpty().Append(tokens[next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }
}
