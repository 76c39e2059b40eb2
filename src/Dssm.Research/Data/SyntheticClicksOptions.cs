namespace Dssm.Research.Data;

/// <summary>Settings of the embedded dataset's generator. The defaults produce the committed
/// <c>datasets/semantic-clicks/</c>; change any of them and the output changes.</summary>
/// <param name="Seed">Seed of the generator's <see cref="Rng"/> (SplitMix64; no <see cref="Random"/>, no string hashing).</param>
/// <param name="DocumentsPerIntentValue">Pages written per (intent, slot value); all are relevant to its queries.</param>
/// <param name="DevQueriesPerIntentValue">Phrasings per (intent, slot value) held out for dev.</param>
/// <param name="TestQueriesPerIntentValue">Phrasings per (intent, slot value) held out for test: new
/// combinations of query patterns and slot forms, each seen in training only with other partners.</param>
/// <param name="HeldOutPatternPerIntent">Keep one query pattern per intent out of training (its queries
/// go to dev and test): without it a click-trained model reaches a perfect test score, which leaves nothing
/// for ablations to show.</param>
/// <param name="English">Include the English part (ids <c>en-…</c>).</param>
/// <param name="Chinese">Include the Chinese part (ids <c>zh-…</c>).</param>
public sealed record SyntheticClicksOptions(
    ulong Seed = 20131027,
    int DocumentsPerIntentValue = 4,
    int DevQueriesPerIntentValue = 1,
    int TestQueriesPerIntentValue = 1,
    bool HeldOutPatternPerIntent = true,
    bool English = true,
    bool Chinese = true);
