using Fabric.Engine.Tasks;

namespace Fabric.Tests.Engine.Tasks;

public class NameSuggestionsTests
{
    [Fact]
    public void A_name_one_typo_away_is_suggested()
    {
        Assert.Equal(["branch"], NameSuggestions.Closest("brnch", ["branch", "restart"]));
    }

    [Fact]
    public void Closest_comes_first()
    {
        Assert.Equal(["deploy", "deploy-web"], NameSuggestions.Closest("deplo", ["deploy-web", "deploy", "status"]));
    }

    [Fact]
    public void Names_compare_ignoring_case_dashes_and_underscores()
    {
        Assert.Equal(["max_retries"], NameSuggestions.Closest("MaxRetries", ["max_retries", "dry_run"]));
    }

    [Fact]
    public void Names_that_start_with_the_given_text_are_suggested()
    {
        Assert.Equal(["migrate-database"], NameSuggestions.Closest("migrate", ["migrate-database", "status"]));
    }

    [Fact]
    public void Distant_names_are_not_suggested()
    {
        Assert.Empty(NameSuggestions.Closest("color", ["branch", "restart"]));
    }
}
