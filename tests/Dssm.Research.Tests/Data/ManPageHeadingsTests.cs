using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>Section headings as manpages-zh and man-pages write them (each example is a real heading).</summary>
public sealed class ManPageHeadingsTests
{
    [Theory]
    [InlineData("DESCRIPTION", true)]
    [InlineData("\"描述 DESCRIPTION\"", true)]
    [InlineData("DESCRIPTION(描述)", true)]
    [InlineData("描 述", true)]                              // raw.7 spaces it out
    [InlineData("说明", true)]                               // epoll.7
    [InlineData("描叙", true)]                               // bootparam.7's variant
    [InlineData("\"详细描述 DETAILED DESCRIPTION\"", true)]  // the English word decides
    [InlineData("\"参数说明\"", false)]                      // tar.1: notes on the arguments
    [InlineData("举例说明", false)]                          // utf-8.7: examples
    [InlineData("介绍 INTRODUCTION", false)]                 // not guessed at
    [InlineData("[说明]", false)]                            // close.2: the translator's note
    public void Description(string heading, bool expected) => Assert.Equal(expected, ManPageHeadings.IsDescription(heading));

    [Theory]
    [InlineData("NAME", true)]
    [InlineData("NAME(名称)", true)]
    [InlineData("名稱", true)]
    [InlineData("名字", true)]
    [InlineData("FILE NAMES", false)]
    [InlineData("[中文版维护人]", false)]
    public void Name(string heading, bool expected) => Assert.Equal(expected, ManPageHeadings.IsName(heading));
}
