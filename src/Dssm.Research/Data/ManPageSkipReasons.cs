namespace Dssm.Research.Data;

/// <summary>The reasons a page file is left out of a man-page benchmark, counted one by one in the summary.</summary>
public static class ManPageSkipReasons
{
    public const string Missing = "listed but missing";
    public const string Unreadable = "unreadable";
    public const string NotText = "not decodable as text";
    public const string DuplicateId = "duplicate page id";
    public const string BrokenAlias = "alias to a missing page";
    public const string AliasOutside = "alias to a page outside the page set";
    public const string AliasLoop = "alias loop";
    public const string NoTitle = "no title line (.TH)";
    public const string NoName = "no NAME section";
    public const string NoDescriptionInName = "NAME line without ' - ' description";
    public const string NoDescription = "no DESCRIPTION section";
    public const string EmptyDescription = "empty DESCRIPTION";
}
