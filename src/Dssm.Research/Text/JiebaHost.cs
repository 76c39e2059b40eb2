using System.Runtime.CompilerServices;
using JiebaNet.Segmenter;

namespace Dssm.Research.Text;

/// <summary>
/// The one jieba segmenter of the process. jieba's dictionary is process-wide static state, so user words
/// added here affect every <see cref="ChineseTokenizer"/> and <see cref="MixedTokenizer"/>. Segmentation
/// only reads the dictionary and runs concurrently; adding words takes a writer lock.
/// </summary>
internal static class JiebaHost
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly ReaderWriterLockSlim Lock = new(LockRecursionPolicy.NoRecursion);

    /// <summary>Precise mode with the HMM for unknown words: jieba's default <c>cut(sentence)</c>.</summary>
    public static List<string> Cut(string text)
    {
        var segmenter = Segmenter.Value;
        Lock.EnterReadLock();
        try { return segmenter.Cut(text, cutAll: false, hmm: true).ToList(); }
        finally { Lock.ExitReadLock(); }
    }

    public static void AddWord(string word, int frequency)
    {
        var segmenter = Segmenter.Value;
        Lock.EnterWriteLock();
        try { segmenter.AddWord(word, frequency); }
        finally { Lock.ExitWriteLock(); }
    }

    public static void LoadUserDictionary(string path)
    {
        var segmenter = Segmenter.Value;
        Lock.EnterWriteLock();
        try { segmenter.LoadUserDict(path); }
        finally { Lock.ExitWriteLock(); }
    }

    private static JiebaSegmenter Create()
    {
        JiebaResources.EnsureConfigured();
        return CreateAfterConfiguration();
    }

    // Kept out of line so that jieba's static state (which reads ConfigFileBaseDir) is first touched
    // only after EnsureConfigured has run. The first Cut loads the dictionary (a few seconds) here,
    // under the Lazy, rather than in whichever caller comes first.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JiebaSegmenter CreateAfterConfiguration()
    {
        var segmenter = new JiebaSegmenter();
        _ = segmenter.Cut("结巴分词", cutAll: false, hmm: true).ToList();
        return segmenter;
    }
}
