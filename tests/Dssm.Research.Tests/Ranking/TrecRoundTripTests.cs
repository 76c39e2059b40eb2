using CsCheck;
using Dssm.Research.Ranking;

namespace Dssm.Research.Tests.Ranking;

/// <summary>
/// Properties of the TREC files: a run or qrels written and read back is the same run or qrels — ids with any
/// allowed character, scores with ties, signs, zeros of both signs, infinities and extreme exponents, bit for bit
/// — and an id that could not come back unchanged is refused with its name, before a file is created.
/// <para>
/// What an id may hold (the rule of <c>TrecLine.Id</c>): anything but whitespace (the separator), control
/// characters (trec_eval reads C strings), lone surrogates (no UTF-8 form) and U+FEFF (dropped as a byte-order
/// mark at the start of a file). The oracle below states the same rule independently.
/// </para>
/// </summary>
public sealed class TrecRoundTripTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("dssm-trec-rt-").FullName;
    public void Dispose() => Directory.Delete(dir, recursive: true);

    // Pieces of ids: ASCII punctuation and letters, other scripts, a surrogate pair, a combining mark, a
    // zero-width space (not white space), a private-use character.
    static readonly Gen<string> LegalPiece = Gen.OneOf(
        Gen.Char["aZ09-_.:/#%&'\"!?()[]{}<>=+*~^|\\@$;,`"].Select(c => c.ToString()),
        Gen.Char['\u00A1', '\u024F'].Select(c => c.ToString()),
        Gen.OneOf(Gen.Const("北京"), Gen.Const("中"), Gen.Const("👍"), Gen.Const("e\u0301"), Gen.Const("\u200B"), Gen.Const("\uE000"), Gen.Const("Ω")));

    // What an id may not hold: ASCII and Unicode white space, line breaks, controls, a lone surrogate, U+FEFF.
    static readonly Gen<string> IllegalPiece = Gen.OneOf(
        Gen.Const(" "), Gen.Const("\t"), Gen.Const("\r"), Gen.Const("\n"), Gen.Const("\v"), Gen.Const("\f"), Gen.Const("\u00A0"), Gen.Const("\u2028"),
        Gen.Const("\u3000"), Gen.Const("\u0085"), Gen.Const("\0"), Gen.Const("\u001B"), Gen.Const("\u007F"), Gen.Const("\uD800"), Gen.Const("\uDC00"), Gen.Const("\uFEFF"));

    static readonly Gen<string> LegalId = LegalPiece.Array[1, 6].Select(string.Concat);
    static readonly Gen<string> AnyId = Gen.Frequency((6, LegalPiece), (1, IllegalPiece)).Array[1, 6].Select(string.Concat);

    /// <summary>The rule, stated independently of the library: could this id survive a TREC file?</summary>
    static bool Legal(string id)
    {
        if (id.Length == 0) return false;
        for (var i = 0; i < id.Length; i++)
        {
            if (char.IsWhiteSpace(id[i]) || char.IsControl(id[i]) || id[i] == '\uFEFF') return false;
            if (char.IsHighSurrogate(id[i]) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1])) { i++; continue; }
            if (char.IsSurrogate(id[i])) return false;
        }
        return true;
    }

    // Scores: many ties (a small pool), signed zeros, infinities, extremes; and arbitrary doubles (NaN aside).
    static readonly Gen<double> Score = Gen.Frequency(
        (2, Gen.OneOf(Gen.Const(0.0), Gen.Const(-0.0), Gen.Const(1.0), Gen.Const(-1.0), Gen.Const(0.5), Gen.Const(double.MaxValue), Gen.Const(-double.MaxValue),
                      Gen.Const(double.Epsilon), Gen.Const(1e-300), Gen.Const(-1e300), Gen.Const(double.PositiveInfinity), Gen.Const(double.NegativeInfinity))),
        (3, Gen.Double.Where(d => !double.IsNaN(d))),
        (1, Gen.Float.Where(f => !float.IsNaN(f)).Select(f => (double)f)));

    static readonly Gen<RankedRun> Runs =
        Gen.Select(LegalId, Gen.Select(LegalId, Score).Array[1, 12]).Array[0, 6].Select(queries =>
        {
            var run = new RankedRun();
            foreach (var (q, docs) in queries)
                foreach (var (d, s) in docs)
                    if (!run.Ranked(q).Any(x => x.DocId == d)) run.Add(q, d, s);
            return run;
        });

    static void AssertSameRun(RankedRun expected, RankedRun actual)
    {
        Assert.Equal(expected.QueryIds, actual.QueryIds);
        foreach (var q in expected.QueryIds)
        {
            Assert.Equal(expected.Ranked(q).Select(d => d.DocId), actual.Ranked(q).Select(d => d.DocId));
            Assert.Equal(expected.Ranked(q).Select(d => BitConverter.DoubleToInt64Bits(d.Score)), actual.Ranked(q).Select(d => BitConverter.DoubleToInt64Bits(d.Score)));
        }
    }

    [Fact]
    public void A_run_written_and_read_back_is_the_same_run_bit_for_bit()
    {
        var path = Path.Combine(dir, "run.trec");
        Runs.Sample(run =>
        {
            TrecRunFile.Write(path, run, "t#1");
            var back = TrecRunFile.Read(path);
            AssertSameRun(run, back);
            var again = new StringWriter();
            TrecRunFile.Write(again, back, "t#1");
            Assert.Equal(File.ReadAllText(path), again.ToString());   // and writes the same file again
        }, iter: 1000, threads: 1);
    }

    [Fact]
    public void An_id_either_comes_back_unchanged_or_is_refused_before_the_file_is_created()
    {
        Gen.Select(AnyId, AnyId, Score).Sample((q, d, score) =>
        {
            var path = Path.Combine(dir, "one.trec");
            File.Delete(path);
            if (string.IsNullOrWhiteSpace(q) || string.IsNullOrWhiteSpace(d)) return;   // RankedRun.Add refuses these itself
            var run = new RankedRun();
            run.Add(q, d, score);
            if (Legal(q) && Legal(d))
            {
                TrecRunFile.Write(path, run);
                AssertSameRun(run, TrecRunFile.Read(path));
            }
            else
            {
                var e = Assert.Throws<ArgumentException>(() => TrecRunFile.Write(path, run));
                Assert.Matches(@"^(query|document) id '.*' contains .+ and cannot be written to a TREC file$", e.Message);
                Assert.DoesNotContain('\n', e.Message);
                Assert.False(File.Exists(path), "a refused run left a file");
            }
        }, iter: 3000, threads: 1);
    }

    [Fact]
    public void Qrels_written_and_read_back_are_the_same_qrels()
    {
        var path = Path.Combine(dir, "qrels.txt");
        Gen.Select(LegalId, Gen.Select(LegalId, Gen.Int).Array[1, 10]).Array[0, 6].Sample(judged =>
        {
            var qrels = new Qrels();
            foreach (var (q, docs) in judged) foreach (var (d, rel) in docs) qrels.Add(q, d, rel);
            qrels.Write(path);
            var back = Qrels.Read(path);
            Assert.Equal(qrels.QueryIds, back.QueryIds);
            foreach (var q in qrels.QueryIds) Assert.Equal(qrels.For(q), back.For(q));   // same pairs, same order
        }, iter: 1000, threads: 1);
    }

    // Ids are given escaped (\uXXXX, unescaped below): a lone surrogate does not survive xunit's test-case data.
    [Theory]
    [InlineData("doc 1", "document id 'doc 1' contains whitespace (U+0020 at index 3)")]
    [InlineData(@"doc\u00A01", @"document id 'doc\u00A01' contains whitespace (U+00A0 at index 3)")]
    [InlineData(@"doc\u20281", @"document id 'doc\u20281' contains whitespace (U+2028 at index 3)")]
    [InlineData(@"a\u0000b", @"document id 'a\u0000b' contains a control character (U+0000 at index 1)")]
    [InlineData(@"\uFEFFd1", @"document id '\uFEFFd1' contains U+FEFF at index 0 (a byte-order mark, which readers drop at the start of a file)")]
    [InlineData(@"d\uD800", @"document id 'd\uD800' contains a lone surrogate (U+D800 at index 1), which has no UTF-8 form")]
    public void Illegal_ids_are_refused_naming_the_id_the_character_and_its_index(string escapedId, string message)
    {
        var docId = System.Text.RegularExpressions.Regex.Unescape(escapedId);
        var run = new RankedRun();
        run.Add("q1", docId, 1);
        Assert.Equal(message + " and cannot be written to a TREC file", Assert.Throws<ArgumentException>(() => TrecRunFile.Write(new StringWriter(), run)).Message);
        var qrels = new Qrels();
        qrels.Add("q1", docId, 1);
        Assert.Equal(message + " and cannot be written to a TREC file", Assert.Throws<ArgumentException>(() => qrels.Write(new StringWriter())).Message);
    }

    [Theory]
    [InlineData(@"q\uD800")]   // UTF-8 has no form for it: a lenient encoder writes U+FFFD (a strict one fails mid-file)
    [InlineData(@"\uFEFFq1")]  // at the start of a file: read as a byte-order mark and dropped
    public void Why_the_rule_refuses_them_a_file_written_without_it_reads_back_another_id(string escapedId)
    {
        var id = System.Text.RegularExpressions.Regex.Unescape(escapedId);
        var path = Path.Combine(dir, "unchecked.trec");
        File.WriteAllText(path, id + " Q0 d1 1 0.5 t\n", new System.Text.UTF8Encoding(false));   // a writer without the check
        Assert.NotEqual(id, TrecRunFile.Read(path).QueryIds.Single());
    }

    [Fact]
    public void Odd_but_legal_ids_and_scores_read_back_unchanged()
    {
        var run = new RankedRun();
        run.Add("北京/q#1", "👍", double.PositiveInfinity);
        run.Add("北京/q#1", "a\u200Bb", -0.0);
        run.Add("北京/q#1", "\"quoted\"", -1.5e-308);
        var text = new StringWriter();
        TrecRunFile.Write(text, run, "tag");
        Assert.Equal("北京/q#1 Q0 👍 1 Infinity tag\n北京/q#1 Q0 a\u200Bb 2 -0 tag\n北京/q#1 Q0 \"quoted\" 3 -1.5E-308 tag\n", text.ToString());
        AssertSameRun(run, TrecRunFile.Parse(new StringReader(text.ToString())));
        Assert.Equal("query id '' is empty and cannot be written to a TREC file",
            Assert.Throws<ArgumentException>(() => { var q = new Qrels(); q.Add("", "d", 1); q.Write(new StringWriter()); }).Message);
    }
}
