namespace Dssm.Research.Evaluation;

/// <summary>
/// TF-IDF weighting. The defaults are scikit-learn's <c>TfidfVectorizer</c> (raw counts, smoothed idf,
/// L2-normalised vectors), the TF-IDF most readers will compare against.
/// </summary>
/// <param name="SublinearTf">Use 1 + ln(tf) instead of the raw count tf.</param>
/// <param name="SmoothIdf">idf = ln((1 + N) / (1 + df)) + 1 when true (never 0); ln(N / df) + 1 when false.</param>
public sealed record TfIdfOptions(bool SublinearTf = false, bool SmoothIdf = true);
