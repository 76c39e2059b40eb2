using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>
/// The roff reader on small pages written for the purpose: each expected text is what the rule in
/// groff(7)/man(7)/mdoc(7) gives, worked out by hand.
/// </summary>
public sealed class ManRoffTests
{
    static IReadOnlyList<string> Section(string roff, string heading = "DESCRIPTION") =>
        ManRoff.Parse(roff).Sections.Single(s => s.Heading == heading).Lines;

    [Fact]
    public void Title_line_and_sections()
    {
        var page = ManRoff.Parse(".TH open 2 2023-02-05 \"Linux man-pages 6.03\"\n.SH NAME\nopen, openat, creat \\- open and possibly create a file\n.SH \"SEE ALSO\"\nx\n");
        Assert.Equal("open", page.Title);
        Assert.Equal("2", page.Section);
        Assert.Equal(["NAME", "SEE ALSO"], page.Sections.Select(s => s.Heading));
        Assert.Equal(["open, openat, creat - open and possibly create a file"], page.Sections[0].Lines);
        Assert.Null(page.SoTarget);
    }

    [Fact]
    public void Filled_lines_join_with_one_space_and_fonts_vanish()
    {
        // .BR alternates bold and roman with no space between its arguments; .B joins its own with spaces.
        var lines = Section(".TH t 1\n.SH DESCRIPTION\nThe\n.BR open ()\nsystem call opens\n.IR pathname .\n.B O_CREAT  is\nset, \\fBbold\\fR and \\fIitalic\\fP.\n");
        Assert.Equal(["The open() system call opens pathname. O_CREAT is set, bold and italic."], lines);
    }

    [Fact]
    public void Escapes_become_their_characters()
    {
        // \- minus, \(em em dash, \(aq apostrophe, \e backslash, \& nothing, \(lq \(rq curly quotes, \[u00E9] é.
        var lines = Section(".TH t 1\n.SH DESCRIPTION\na\\-b \\(em don\\(aqt \\e0 \\&.x \\(lqq\\(rq caf\\[u00E9] \\s-1SMALL\\s0 \\f(CWcode\\fP\n");
        Assert.Equal(["a-b — don't \\0 .x “q” café SMALL code"], lines);
        // A rightward motion is a space on a terminal, a leftward one nothing: \h'-04'\(bu\h'+03'\c is DocBook's bullet.
        Assert.Equal(["• item x yz"], Section(".TH t 1\n.SH DESCRIPTION\n\\h'-04'\\(bu\\h'+03'\\citem x\\h'+2'y\\h'-1'z\n"));
    }

    [Fact]
    public void Comments_and_continuations()
    {
        // .\" is a comment line, \" ends a line's text, a trailing backslash joins the next line.
        var lines = Section(".TH t 1\n.\\\" a comment\n.SH DESCRIPTION\nkept \\\" dropped\nfirst \\\nsecond\n'\\\" also a comment\nthird\n");
        Assert.Equal(["kept first second third"], lines);
    }

    [Fact]
    public void Paragraphs_tags_and_no_fill_blocks_are_lines()
    {
        const string roff = ".TH t 1\n.SH DESCRIPTION\nOne\ntwo.\n.PP\nThree.\n.TP\n.B \\-a\nall entries\n.IP \\(bu 2\nbulleted\n.IP \\-x\nflag\n.nf\n  line  one\nline two\n.fi\nfour\n";
        Assert.Equal(["One two.", "Three.", "-a", "all entries", "bulleted", "-x", "flag", "line one", "line two", "four"], Section(roff));
    }

    [Fact]
    public void Subsection_headings_stay_in_their_section()
    {
        Assert.Equal(["intro", "Details", "more"], Section(".TH t 1\n.SH DESCRIPTION\nintro\n.SS Details\nmore\n"));
    }

    [Fact]
    public void Strings_conditions_and_blocks_read_as_groff_on_a_terminal()
    {
        // n (nroff) is true, t (troff) false; \n(.g is 1 under groff; a \{ block runs to its \}; \*Q is the
        // one-letter string Q (\*(Qx would be the two-letter Qx).
        const string roff = ".TH t 1\n.ie n .ds Q nroff\n.el .ds Q troff\n.if t \\{\\\n.ds Q wrong\n.\\}\n.ie \\n(.g .ds G groff\n.el .ds G other\n.SH DESCRIPTION\n\\*Q and \\*G.\n.if '\\*Q'nroff' equal\n";
        Assert.Equal(["nroff and groff. equal"], Section(roff));
    }

    [Fact]
    public void A_macro_the_page_defines_runs_with_its_arguments()
    {
        // pod2man's style: \\$1 in the body is the first argument when the macro runs.
        const string roff = ".TH t 1\n.de Hd\n.PP\n\\fB\\\\$1\\fR: \\\\$2\n..\n.SH DESCRIPTION\nbefore\n.Hd Name \"the value\"\nafter\n";
        Assert.Equal(["before", "Name: the value after"], Section(roff));
    }

    [Fact]
    public void Table_rows_are_lines_of_their_cells()
    {
        // Options line (;) and format lines (ending in .) are layout; _ is a rule; T{ T} a text block.
        const string roff = ".TH t 1\n.SH DESCRIPTION\n.TS\nallbox;\nlb lb\nl l.\nInterface\tBehaviour\n_\nrandom\tT{\nblocks until\nready\nT}\n.TE\nafter\n";
        Assert.Equal(["Interface Behaviour", "random blocks until ready", "after"], Section(roff));
    }

    [Fact]
    public void A_page_that_is_only_so_is_an_alias()
    {
        var page = ManRoff.Parse(".so man7/queue.7\n");
        Assert.Equal("man7/queue.7", page.SoTarget);
        Assert.Equal(1, page.SoLine);
        Assert.Null(page.Title);
        Assert.Empty(page.Sections);
    }

    [Fact]
    public void Chinese_lines_join_without_a_space()
    {
        // A break between two CJK characters is no word space; between CJK and Latin it is one.
        Assert.Equal(["列出指定文件的信息。如果 ls 没有"], Section(".TH LS 1\n.SH 描述\n列出指定文件\n的信息。如果\nls\n没有\n", "描述"));
    }

    [Fact]
    public void Mdoc_macros_shape_their_arguments()
    {
        // .Nm records the name; .Nd is the NAME description; .Fl prefixes -, .Ar is plain, .Op brackets,
        // .Xr writes page(section), closing punctuation sticks to the word before it.
        const string roff = ".Dd 1 May 2001\n.Dt BIFF 1\n.Sh NAME\n.Nm biff\n.Nd \"新到邮件提醒\"\n.Sh DESCRIPTION\n.Nm\nreads\n.Op Fl n Ar file\nlike\n.Xr sh 1 ,\nsee\n.Dq Li text .\n";
        var page = ManRoff.Parse(roff);
        Assert.Equal("BIFF", page.Title);
        Assert.Equal(["biff - 新到邮件提醒"], page.Sections[0].Lines);
        Assert.Equal(["biff reads [-n file] like sh(1), see “text”."], page.Sections[1].Lines);
    }

    [Fact]
    public void Unknown_requests_are_counted_not_dropped_unseen()
    {
        var page = ManRoff.Parse(".TH t 1\n.SH DESCRIPTION\ntext\n.XYZ lost words\n.XYZ again\n.ad l\n");
        Assert.Equal(2, page.Uninterpreted[".XYZ"]);
        Assert.False(page.Uninterpreted.ContainsKey(".ad"));   // layout only: nothing to lose
    }
}
