using System.Globalization;
using Fabric.Engine.Arguments;

namespace Fabric.Tests.Engine.Arguments;

public class ValueFormatterTests
{
    public enum Mode
    {
        Fast,
        Safe,
    }

    [Fact]
    public void Null_reads_null() => Assert.Equal("null", ValueFormatter.Format(null));

    [Fact]
    public void Strings_are_in_double_quotes_and_empty_ones_show_as_a_pair_of_quotes()
    {
        Assert.Equal("\"main\"", ValueFormatter.Format("main"));
        Assert.Equal("\"\"", ValueFormatter.Format(""));
    }

    [Fact]
    public void Booleans_read_in_lower_case_as_on_the_command_line()
    {
        Assert.Equal("true", ValueFormatter.Format(true));
        Assert.Equal("false", ValueFormatter.Format(false));
    }

    [Fact]
    public void Numbers_and_durations_are_written_in_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("1.5", ValueFormatter.Format(1.5));
            Assert.Equal("19.99", ValueFormatter.Format(19.99m));
            Assert.Equal("-3", ValueFormatter.Format(-3));
            Assert.Equal("00:01:30", ValueFormatter.Format(TimeSpan.FromSeconds(90)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Enums_read_by_name() => Assert.Equal("Safe", ValueFormatter.Format(Mode.Safe));

    [Fact]
    public void Arrays_list_their_items_each_formatted_alike()
    {
        Assert.Equal("[\"a\", \"b\"]", ValueFormatter.Format(new[] { "a", "b" }));
        Assert.Equal("[1, 2]", ValueFormatter.Format(new[] { 1, 2 }));
        Assert.Equal("[true, null]", ValueFormatter.Format(new bool?[] { true, null }));
        Assert.Equal("[]", ValueFormatter.Format(Array.Empty<string>()));
    }
}
