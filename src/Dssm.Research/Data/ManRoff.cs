namespace Dssm.Research.Data;

/// <summary>
/// A small reader of manual pages in roff: the man(7) macros the Linux man-pages project and Debian's
/// Chinese pages use, the requests those pages rely on, and enough mdoc(7) for the BSD-derived pages.
/// It returns each <c>.SH</c> section as plain text (<see cref="ManPage"/>), which is what a retrieval
/// benchmark needs — not a typeset page.
/// <para>Why our own code: no .NET roff library is served on NuGet, and running groff/man instead would make
/// the benchmark's text depend on the installed groff version, its macro set and the terminal width (line
/// wrapping, hyphenation, adjustment, <c>-Tutf8</c> vs <c>-Tascii</c> glyphs), so two machines would build
/// different corpora from the same pages. Reading the source with a fixed set of rules gives the same text
/// everywhere.</para>
/// <para>What it reads. man(7): <c>.TH .SH .SS .PP .LP .P .HP .TP .TQ .IP .RS .RE .B .I .SM .SB .BR .BI .IB
/// .IR .RB .RI .nf .fi .EX .EE .UR/.UE .MT/.ME .SY/.YS .OP</c>; requests: <c>.br .sp .bp .in .ti .ce .so</c>
/// (a page that is only <c>.so target</c> is an alias), <c>.ds .as .nr .rm .rr .rn .tr</c>, <c>.if .ie .el</c>
/// with <c>\{ … \}</c> blocks (read as groff -Tutf8 on a terminal: <c>n</c> true, <c>t</c> false, <c>\n(.g</c> 1), <c>.de/.am … ..</c>
/// macros the page defines (run with their arguments, e.g. pod2man's <c>.Vb</c>, Tcl's <c>.AP</c>), <c>.ig</c>;
/// tbl tables (<c>.TS … .TE</c>: layout lines dropped, each row a line of its cells), eqn (<c>.EQ … .EN</c>,
/// dropped). Escapes: see <see cref="RoffEscapes"/>; comments <c>\"</c>, <c>.\"</c>, <c>'\"</c>, <c>\#</c>;
/// a trailing <c>\</c> joins lines. Layout-only requests (<c>.ad .na .hy .ne .ta .ft .PD …</c>) are dropped;
/// any other request is counted in <see cref="ManPage.Uninterpreted"/>.</para>
/// <para>Text rules: filled lines are joined with one space (none between two CJK characters, as Chinese
/// wraps anywhere), a break or paragraph starts a new output line, each no-fill line is a line, a list tag
/// (<c>.TP</c>'s next line, <c>.IP</c>'s tag unless it is only a bullet) is a line of its own, and runs of
/// blanks are one space.</para>
/// </summary>
public static class ManRoff
{
    /// <summary>Reads one page's roff source (already decoded to text).</summary>
    public static ManPage Parse(string source) => new ManRoffParser(source).Run();
}
