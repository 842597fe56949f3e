using Fabric.Engine.Arguments;

namespace Fabric.Tests.Engine.Arguments;

public class ValueConverterTests
{
    public enum Color
    {
        Red = 1,
        Green = 2,
        DarkBlue = 4,
    }

    [Fact]
    public void String_is_taken_as_written()
    {
        Assert.Equal(" a;b=c ", Convert(" a;b=c ", typeof(string)));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("1", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("No", false)]
    [InlineData("n", false)]
    [InlineData("0", false)]
    [InlineData("OFF", false)]
    public void Bool_accepts_the_usual_words(string text, bool expected)
    {
        Assert.Equal(expected, Convert(text, typeof(bool)));
    }

    [Fact]
    public void Bool_rejects_other_words()
    {
        Assert.Equal("'maybe' is not a yes/no value (true/false, yes/no, y/n, 1/0, on/off)", Error("maybe", typeof(bool)));
    }

    [Fact]
    public void Int_parses_signed_whole_numbers()
    {
        Assert.Equal(-42, Convert("-42", typeof(int)));
    }

    [Fact]
    public void Long_parses_beyond_int_range()
    {
        Assert.Equal(9_000_000_000L, Convert("9000000000", typeof(long)));
    }

    [Fact]
    public void Short_parses_and_rejects_out_of_range()
    {
        Assert.Equal((short)-300, Convert("-300", typeof(short)));
        Assert.Equal("'70000' is out of range (-32768 to 32767)", Error("70000", typeof(short)));
    }

    [Fact]
    public void Byte_parses_and_rejects_negative()
    {
        Assert.Equal((byte)255, Convert("255", typeof(byte)));
        Assert.Equal("'-1' is out of range (0 to 255)", Error("-1", typeof(byte)));
    }

    [Fact]
    public void Uint_parses_beyond_int_range()
    {
        Assert.Equal(4_000_000_000u, Convert("4000000000", typeof(uint)));
    }

    [Fact]
    public void Ulong_parses_its_maximum()
    {
        Assert.Equal(ulong.MaxValue, Convert("18446744073709551615", typeof(ulong)));
    }

    [Fact]
    public void Sbyte_and_ushort_are_supported()
    {
        Assert.Equal((sbyte)-5, Convert("-5", typeof(sbyte)));
        Assert.Equal((ushort)65535, Convert("65535", typeof(ushort)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("1,000")]
    [InlineData("")]
    public void Integers_reject_text_that_is_not_a_whole_number(string text)
    {
        Assert.Equal($"'{text}' is not a whole number", Error(text, typeof(int)));
    }

    [Fact]
    public void Double_uses_the_invariant_culture()
    {
        Assert.Equal(1.5, Convert("1.5", typeof(double)));
        Assert.Equal(1e-3, Convert("1e-3", typeof(double)));
        Assert.Equal("'1,5' is not a number", Error("1,5", typeof(double)));
    }

    [Fact]
    public void Infinity_written_out_is_accepted_but_overflow_is_not()
    {
        Assert.Equal(double.PositiveInfinity, Convert("Infinity", typeof(double)));
        Assert.Equal("'1e999' is out of range", Error("1e999", typeof(double)));
    }

    [Fact]
    public void Float_parses_and_rejects_numbers_too_large_for_it()
    {
        Assert.Equal(0.25f, Convert("0.25", typeof(float)));
        Assert.Equal("'1e50' is out of range", Error("1e50", typeof(float)));
    }

    [Fact]
    public void Decimal_keeps_exact_digits()
    {
        Assert.Equal(0.1m, Convert("0.1", typeof(decimal)));
        Assert.Equal("'ten' is not a number", Error("ten", typeof(decimal)));
    }

    [Theory]
    [InlineData("Green", Color.Green)]
    [InlineData("green", Color.Green)]
    [InlineData("dark-blue", Color.DarkBlue)]
    [InlineData("dark_blue", Color.DarkBlue)]
    public void Enum_by_name_ignores_case_and_separators(string text, Color expected)
    {
        Assert.Equal(expected, Convert(text, typeof(Color)));
    }

    [Fact]
    public void Enum_by_defined_number()
    {
        Assert.Equal(Color.DarkBlue, Convert("4", typeof(Color)));
    }

    [Theory]
    [InlineData("3")]
    [InlineData("-1")]
    [InlineData("purple")]
    public void Enum_rejects_undefined_numbers_and_names(string text)
    {
        Assert.Equal($"'{text}' is not one of Red, Green, DarkBlue", Error(text, typeof(Color)));
    }

    [Theory]
    [InlineData("00:01:30", 90)]
    [InlineData("1.02:00:00", 93600)]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1.5m", 90)]
    [InlineData("250ms", 0.25)]
    public void TimeSpan_accepts_the_constant_format_and_unit_suffixes(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), Convert(text, typeof(TimeSpan)));
    }

    [Theory]
    [InlineData("90")]
    [InlineData("soon")]
    [InlineData("5x")]
    [InlineData("25:00:00")]
    public void TimeSpan_rejects_numbers_without_a_unit_and_other_text(string text)
    {
        Assert.Equal(
            $"'{text}' is not a duration (hh:mm:ss, d.hh:mm:ss, or a number with ms, s, m, h or d: 250ms, 90s, 5m, 2h, 1d)",
            Error(text, typeof(TimeSpan)));
    }

    [Fact]
    public void Nullable_converts_its_underlying_type_and_empty_text_to_null()
    {
        Assert.Equal(5, Convert("5", typeof(int?)));
        Assert.Null(Convert("", typeof(int?)));
        Assert.Equal(Color.Red, Convert("red", typeof(Color?)));
        Assert.Equal("'x' is not a whole number", Error("x", typeof(int?)));
    }

    [Fact]
    public void Arrays_are_written_with_semicolons()
    {
        Assert.Equal(new[] { "a", "b", "c" }, Convert("a;b;c", typeof(string[])));
        Assert.Equal(new[] { 1, 2, 3 }, Convert("1;2;3", typeof(int[])));
        Assert.Equal(new[] { Color.Red, Color.Green }, Convert("red;2", typeof(Color[])));
    }

    [Fact]
    public void Empty_text_is_an_empty_array()
    {
        Assert.Equal(Array.Empty<int>(), Convert("", typeof(int[])));
    }

    [Fact]
    public void Array_error_names_the_bad_item()
    {
        Assert.Equal("item 2 of '1;x;3': 'x' is not a whole number", Error("1;x;3", typeof(int[])));
    }

    [Fact]
    public void Unsupported_type_is_an_error()
    {
        Assert.Equal("values of type Uri cannot be given on the command line", Error("http://x", typeof(Uri)));
    }

    [Theory]
    [InlineData(typeof(string), true)]
    [InlineData(typeof(bool?), true)]
    [InlineData(typeof(Color[]), true)]
    [InlineData(typeof(TimeSpan?[]), true)]
    [InlineData(typeof(decimal), true)]
    [InlineData(typeof(Uri), false)]
    [InlineData(typeof(int[][]), false)]
    [InlineData(typeof(int[,]), false)]
    [InlineData(typeof(object), false)]
    [InlineData(typeof(DateTime), false)]
    public void IsSupported_tells_which_types_can_be_converted(Type type, bool supported)
    {
        Assert.Equal(supported, ValueConverter.IsSupported(type));
    }

    [Theory]
    [InlineData(typeof(int), "int")]
    [InlineData(typeof(string[]), "string[]")]
    [InlineData(typeof(bool?), "bool?")]
    [InlineData(typeof(TimeSpan), "TimeSpan")]
    [InlineData(typeof(Color), "Color")]
    [InlineData(typeof(long?[]), "long?[]")]
    [InlineData(typeof(float), "float")]
    public void DisplayName_is_the_short_csharp_name(Type type, string expected)
    {
        Assert.Equal(expected, ValueConverter.DisplayName(type));
    }

    private static object? Convert(string text, Type type)
    {
        Assert.True(ValueConverter.TryConvert(text, type, out var value, out var error), error);
        Assert.Null(error);
        Assert.True(value is null || type.IsInstanceOfType(value) || Nullable.GetUnderlyingType(type)?.IsInstanceOfType(value) == true);
        return value;
    }

    private static string? Error(string text, Type type)
    {
        Assert.False(ValueConverter.TryConvert(text, type, out var value, out var error));
        Assert.Null(value);
        return error;
    }
}
