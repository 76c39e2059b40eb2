using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>
/// The one seeded generator. Its first draws from seed 0 are those of the reference SplitMix64
/// (Vigna, <c>splitmix64.c</c>, x = 0): 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F; the two
/// mappings onto [0, n) are worked out from them by hand below.
/// </summary>
public sealed class RngTests
{
    [Fact]
    public void Seed_zero_draws_the_reference_sequence()
    {
        var rng = new Rng(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, rng.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, rng.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, rng.NextUInt64());
    }

    [Fact]
    public void Multiply_shift_maps_the_top_bits_and_modulo_the_low_bits()
    {
        // Multiply-shift: 0xE220… / 2^64 ≈ 0.883, · 10 = 8.8 → 8. Modulo: 0xE220A8397B1DCDAF = 16294208416658607535, mod 10 = 5.
        Assert.Equal(8, new Rng(0).Next(10));
        Assert.Equal(5, new Rng(0).NextModulo(10));
    }

    [Fact]
    public void The_two_shuffles_differ_as_their_mappings_do()
    {
        // Fisher–Yates over [a b c d], i = 3, 2, 1, draws as above.
        // Multiply-shift: j = ⌊0.883·4⌋ = 3 (stay), ⌊0.431·3⌋ = 1 (swap c, b → a c b d), ⌊0.026·2⌋ = 0 (swap c, a → c a b d).
        // Modulo: j = …AF mod 4 = 3 (stay), 0x6E78…F4 mod 3 = 0 (swap c, a → c b a d), …4F mod 2 = 1 (stay).
        var byNext = new List<char> { 'a', 'b', 'c', 'd' };
        new Rng(0).Shuffle(byNext);
        Assert.Equal("cabd", string.Concat(byNext));
        var byModulo = new List<char> { 'a', 'b', 'c', 'd' };
        new Rng(0).ShuffleModulo(byModulo);
        Assert.Equal("cbad", string.Concat(byModulo));
    }

    [Fact]
    public void NextDouble_takes_the_top_53_bits()
    {
        // 0xE220A8397B1DCDAF >> 11 = 0x1C4415072F63B9 (53 bits), over 2^53 ≈ 0.883.
        Assert.Equal((0xE220A8397B1DCDAFUL >> 11) / 9007199254740992.0, new Rng(0).NextDouble());
    }

    [Fact]
    public void Same_seed_and_step_give_the_same_draws()
    {
        Assert.Equal(Rng.For(42, 1, 99).NextUInt64(), Rng.For(42, 1, 99).NextUInt64());
        Assert.NotEqual(Rng.For(42, 1, 99).NextUInt64(), Rng.For(42, 1, 100).NextUInt64());
        Assert.NotEqual(Rng.For(42, 1, 99).NextUInt64(), Rng.For(42, 2, 99).NextUInt64());
    }

    [Fact]
    public void An_empty_range_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rng(0).Next(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Rng(0).NextModulo(0));
    }
}
