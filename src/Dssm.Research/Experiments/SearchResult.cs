using System.Text;

namespace Dssm.Research.Experiments;

/// <summary>One query's ranked documents from <see cref="SemanticSearch.Search"/>.</summary>
public sealed record SearchResult(string Query, IReadOnlyList<SearchHit> Hits)
{
    /// <summary>What <c>dssm search</c> prints: the query, then one line per hit.</summary>
    public string ToText()
    {
        var text = new StringBuilder($"query: {Query}\n");
        foreach (var hit in Hits) text.Append(hit).Append('\n');
        return text.ToString();
    }
}
