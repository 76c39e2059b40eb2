namespace Dssm.Research.Data;

/// <summary>
/// The table behind <c>dssm data fetch</c>. URLs are the publishers' own. SHA-256 digests: none is pinned
/// yet — they could not be computed where this kit was written (no network); <c>fetch</c> prints the digest
/// of what it downloaded so that a maintainer can pin it here after comparing with a trusted copy.
/// </summary>
public static class PublicDatasets
{
    const string Beir = "https://public.ukp.informatik.tu-darmstadt.de/thakur/BEIR/datasets/";

    public static IReadOnlyList<PublicDataset> All { get; } =
    [
        new("wikiqa", "WikiQA answer-sentence selection (Yang, Yih, Meek 2015): 3,047 questions, 29,258 sentences",
            "https://download.microsoft.com/download/E/5/F/E5FCFCEE-7005-4814-853D-DAA7C66507E0/WikiQACorpus.zip", null, "WikiQACorpus.zip",
            "Microsoft Research Data License Agreement (research use)", "dssm data convert --from wikiqa {dir}/WikiQACorpus --out {dir}/beir"),
        new("msmarco-passage", "MS MARCO passage ranking (Nguyen et al. 2016): 8.8M passages, ~1 GB compressed",
            "https://msmarco.z22.web.core.windows.net/msmarcoranking/collectionandqueries.tar.gz", null, "collectionandqueries.tar.gz",
            "MS MARCO terms: non-commercial research use", "dssm data convert --from msmarco {dir} --out {dir}/beir"),
        new("scifact", "BEIR SciFact: scientific claim verification, 5K abstracts", Beir + "scifact.zip", null, "scifact.zip",
            "CC BY-NC 2.0 (as listed by BEIR)", "(already BEIR) dssm data stats {dir}/scifact"),
        new("nfcorpus", "BEIR NFCorpus: nutrition and medical retrieval, 3.6K documents", Beir + "nfcorpus.zip", null, "nfcorpus.zip",
            "CC BY-SA 4.0 (as listed by BEIR)", "(already BEIR) dssm data stats {dir}/nfcorpus"),
        new("fiqa", "BEIR FiQA-2018: financial opinion QA, 57K documents", Beir + "fiqa.zip", null, "fiqa.zip",
            "see the BEIR licence table (not stated by the original authors)", "(already BEIR) dssm data stats {dir}/fiqa"),
        new("quora", "BEIR Quora duplicate questions, 523K documents", Beir + "quora.zip", null, "quora.zip",
            "Quora's terms of service (see the BEIR licence table)", "(already BEIR) dssm data stats {dir}/quora"),
        new("lcqmc", "LCQMC Chinese question matching (Liu et al., COLING 2018): 260K pairs", null, null, "lcqmc",
            "research use on the authors' terms (application to HIT Shenzhen)", "dssm data convert --from lcqmc {dir}/train.tsv --out {dir}/beir",
            Manual: "LCQMC is not openly hosted: request it from the authors (Harbin Institute of Technology, Shenzhen; see the COLING 2018 paper) or via a mirror you trust"),
    ];

    public static PublicDataset Find(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown dataset '{name}'; expected one of: {string.Join(", ", All.Select(d => d.Name))}");
}
