using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

public sealed class DatasetStatsTests
{
    [Fact]
    public void Worked_example_on_the_fixture()
    {
        var stats = DatasetStats.Compute(BeirDataset.Load(TestFiles.Fixture("beir")));
        Assert.Equal((4, 3), (stats.Documents, stats.Queries));
        Assert.Equal(new DatasetStats.SplitStats("train", 2, 3, 2, 1), stats.Splits[0]);
        // q1 "cheap flights to paris" / d1 shares "to"; q2 "lasagna recipe" / d3 shares nothing; q3 便宜机票去北京 / doc 4 shares no character.
        Assert.Equal(2 / 3.0, stats.RelevantPairsSharingNoWord, 6);
        Assert.Equal(1.0, stats.RelevantPairsSharingNoContentWord, 6);
        Assert.Equal(["cheap", "flights", "便", "宜"], DatasetStats.Words("Cheap flights, 便宜"));
        Assert.Null(stats.FeatureCoverage);
    }

    [Fact]
    public void Feature_coverage_uses_the_features_it_is_given()
    {
        var ds = BeirDataset.Load(TestFiles.Fixture("beir"));
        // test query q3 = 便宜机票去北京 (7 characters); seen in the corpus or train queries: none of them.
        var stats = DatasetStats.Compute(ds, text => DatasetStats.Words(text));
        Assert.Equal(0.0, stats.FeatureCoverage);
    }
}
