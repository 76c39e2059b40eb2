using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>jieba.NET precise mode, with its dictionary shipped inside the library.</summary>
public class ChineseTokenizerTests
{
    private static IReadOnlyList<string> Words(string text) => new ChineseTokenizer().Tokenize(text);

    [Fact]
    public void Jieba_segments_its_own_example_in_precise_mode() =>
        Assert.Equal(["我", "来到", "北京", "清华大学"], Words("我来到北京清华大学"));

    [Fact]
    public void A_longer_sentence_drops_punctuation() =>
        Assert.Equal(["小明", "硕士", "毕业", "于", "中国科学院", "计算所", "后", "在", "日本京都大学", "深造"],
            Words("小明硕士毕业于中国科学院计算所，后在日本京都大学深造"));

    [Fact]
    public void Latin_inside_Chinese_is_lower_cased_and_split_the_English_way() =>
        Assert.Equal(["深度", "学习", "dssm", "模型", "3", "5", "倍"], Words("深度学习DSSM模型3.5倍"));

    [Theory]
    [InlineData("")]
    [InlineData("  \t ")]
    [InlineData("，。！")]
    public void Empty_or_punctuation_only_text_has_no_words(string text) => Assert.Empty(Words(text));

    [Fact]
    public void The_dictionary_is_extracted_from_the_library_and_found()
    {
        Words("北京");
        var folder = JiebaResources.EnsureConfigured();
        Assert.Equal(folder, JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir);
        foreach (var file in JiebaResources.FileNames) Assert.True(File.Exists(Path.Combine(folder, file)), file);
    }

    [Fact]
    public void A_user_dictionary_keeps_its_words_together()
    {
        // jieba's README example; no other test uses this sentence (the dictionary is process-wide).
        const string sentence = "李小福是创新办主任也是云计算方面的专家";
        Assert.Contains("创新", Words(sentence));
        var path = Path.Combine(Path.GetTempPath(), $"dssm-userdict-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, ["创新办 3 i", "云计算 5"]);
        try
        {
            ChineseTokenizer.LoadUserDictionary(path);
            Assert.Equal(["李小福", "是", "创新办", "主任", "也", "是", "云计算", "方面", "的", "专家"], Words(sentence));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Add_word_keeps_a_new_word_together()
    {
        const string sentence = "深度语义匹配模型很有用";
        Assert.DoesNotContain("深度语义匹配模型", Words(sentence));
        ChineseTokenizer.AddWord("深度语义匹配模型");
        Assert.Contains("深度语义匹配模型", Words(sentence));
    }

    [Fact]
    public void A_missing_user_dictionary_is_named() =>
        Assert.Contains("no-such-dict.txt", Assert.Throws<FileNotFoundException>(() => ChineseTokenizer.LoadUserDictionary("no-such-dict.txt")).Message);

    [Fact]
    public void Concurrent_segmentation_gives_the_sequential_result()
    {
        string[] sentences = ["我来到北京清华大学", "他来到了网易杭研大厦", "小明硕士毕业于中国科学院计算所", "结巴中文分词", "工信处女干事每月经过下属科室"];
        var expected = sentences.Select(s => string.Join("/", Words(s))).ToArray();
        var tokenizer = new ChineseTokenizer();
        Parallel.For(0, 400, i =>
        {
            var k = i % sentences.Length;
            Assert.Equal(expected[k], string.Join("/", tokenizer.Tokenize(sentences[k])));
        });
    }
}
