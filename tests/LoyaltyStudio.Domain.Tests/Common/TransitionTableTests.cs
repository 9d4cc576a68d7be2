using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Tests.Common;

public class TransitionTableTests
{
    private enum Light { Red, Amber, Green, Off }

    private static readonly TransitionTable<Light> Table = new TransitionTable<Light>()
        .Allow(Light.Red, Light.Green)
        .Allow(Light.Green, Light.Amber)
        .Allow(Light.Amber, Light.Red)
        .Allow(Light.Red, Light.Off);

    [Fact]
    public void Allowed_moves_accumulate_per_state()
    {
        Assert.True(Table.CanMove(Light.Red, Light.Green));
        Assert.True(Table.CanMove(Light.Red, Light.Off));
        Assert.Equal([Light.Green, Light.Off], Table.From(Light.Red).Order());
    }

    [Fact]
    public void Moves_not_in_the_table_are_not_allowed()
    {
        Assert.False(Table.CanMove(Light.Green, Light.Red));
        Assert.False(Table.CanMove(Light.Red, Light.Red));
        Assert.False(Table.CanMove(Light.Off, Light.Red));
    }

    [Fact]
    public void A_state_with_no_moves_has_an_empty_list() => Assert.Empty(Table.From(Light.Off));

    [Fact]
    public void Refused_move_names_the_thing_both_states_and_the_alternatives()
    {
        var ex = Assert.Throws<DomainException>(() => Table.EnsureCanMove("Light 3", Light.Green, Light.Red));

        Assert.Equal("Light 3 is Green and cannot become Red: it can only become Amber.", ex.Message);
    }

    [Fact]
    public void Refused_move_from_a_final_state_says_it_is_final()
    {
        var ex = Assert.Throws<DomainException>(() => Table.EnsureCanMove("Light 3", Light.Off, Light.Red));

        Assert.Equal("Light 3 is Off and cannot become Red: it is final.", ex.Message);
    }

    [Fact]
    public void Allowed_move_passes_silently() => Table.EnsureCanMove("Light 3", Light.Amber, Light.Red);
}
