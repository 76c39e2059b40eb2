using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>Corpus-only pseudo-queries: the inverse cloze task's sentences and titles, deterministic for a seed.</summary>
public sealed class PseudoQueriesTests
{
    [Fact]
    public void Sentences_end_at_punctuation_before_a_space_and_at_line_breaks()
    {
        Assert.Equal(["Copy files.", "Options are listed below!", "See also mv", "Use e.g.", "v1.2 works"],
            PseudoQueries.Sentences("Copy files. Options are listed below!\nSee also mv\nUse e.g. v1.2 works"));
        Assert.Equal(["复制文件。", "见下文"], PseudoQueries.Sentences("复制文件。见下文"));
    }

    static readonly BeirDocument[] Docs =
    [
        new("cp.1", "cp", "Copy files and directories. Copy SOURCE to DEST, or many SOURCEs to DIRECTORY. Short.\nMandatory arguments to long options are mandatory for short options too."),
        new("ls.1", "ls", "List directory contents. List information about the FILEs."),
    ];

    [Fact]
    public void Ict_draws_sentences_of_three_words_or_more_for_their_own_document()
    {
        var queries = PseudoQueries.Make(PseudoQueryKind.Ict, Docs, perDocument: 2, seed: 1);
        // cp.1 has three long-enough sentences ("Short." is one word): two are drawn, all three when five are asked;
        // ls.1 has two (both 3+ words).
        Assert.Equal(2, queries.Count(q => q.Document == 0));
        Assert.Equal(3, PseudoQueries.Make(PseudoQueryKind.Ict, Docs, perDocument: 5, seed: 1).Count(q => q.Document == 0));
        Assert.Equal(2, queries.Count(q => q.Document == 1));
        Assert.All(queries, q => Assert.Contains(q.Query, Docs[q.Document].Text));
        Assert.DoesNotContain(queries, q => q.Query == "Short.");
        Assert.Equal(queries, PseudoQueries.Make(PseudoQueryKind.Ict, Docs, perDocument: 2, seed: 1));
        var seeds = Enumerable.Range(1, 10).Select(s => string.Join("|", PseudoQueries.Make(PseudoQueryKind.Ict, Docs, 1, s).Select(q => q.Query))).Distinct().Count();
        Assert.True(seeds > 1, "every seed drew the same sentences");
    }

    [Fact]
    public void Titles_are_queries_for_their_document_and_none_makes_nothing()
    {
        Assert.Equal([(0, "cp"), (1, "ls")], PseudoQueries.Make(PseudoQueryKind.Title, Docs, perDocument: 3, seed: 1));
        Assert.Empty(PseudoQueries.Make(PseudoQueryKind.None, Docs, perDocument: 3, seed: 1));
    }

    [Fact]
    public void Auto_means_the_inverse_cloze_task_for_fewer_clicks_than_documents()
    {
        Assert.Equal(PseudoQueryKind.Ict, PseudoQueries.Resolve(PseudoQueryKind.Auto, clicks: 783, documents: 1099));
        Assert.Equal(PseudoQueryKind.None, PseudoQueries.Resolve(PseudoQueryKind.Auto, clicks: 12641, documents: 2320));
        Assert.Equal(PseudoQueryKind.Title, PseudoQueries.Resolve(PseudoQueryKind.Title, clicks: 12641, documents: 2320));
        Assert.Throws<ArgumentException>(() => PseudoQueries.Make(PseudoQueryKind.Auto, Docs, 3, 1));
    }
}
