namespace Dssm.Research.Experiments;

/// <summary>
/// How <see cref="IndexBenchmark"/> makes its corpus from a dataset's documents. <see cref="Words"/>: bags of 20–59 words
/// drawn from all documents' words (the corpus's word frequencies, no topic: every text looks like the average
/// document). <see cref="Passages"/>: runs of 20–59 consecutive words of one document, each word replaced by a
/// random corpus word with probability 0.2 — texts on a document's topic, as a larger crawl of the same kind of pages
/// would hold.
/// </summary>
public enum BenchmarkTexts { Words, Passages }
