using Fabric.Engine.Execution;

namespace Fabric.Tests.Engine.Execution;

/// <summary>The one rule that decides whether a failure warns or aborts (<see cref="ScopeSettings.FailureWarns"/>).</summary>
public class WarnOnlyRuleTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Without_a_scope_or_a_call_argument_the_run_wide_setting_decides(bool runWide, bool warns) =>
        Assert.Equal(warns, ScopeSettings.None.FailureWarns(runWide));

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    public void A_scope_overrides_the_run_wide_setting(bool scope, bool runWide, bool warns) =>
        Assert.Equal(warns, new ScopeSettings { WarnOnly = scope }.FailureWarns(runWide));

    [Theory]
    [InlineData(true, false, false, true)]
    [InlineData(false, true, true, false)]
    [InlineData(false, null, true, false)]
    [InlineData(true, null, false, true)]
    public void A_call_argument_overrides_the_scope_and_the_run_wide_setting(bool perCall, bool? scope, bool runWide, bool warns) =>
        Assert.Equal(warns, new ScopeSettings { WarnOnly = scope }.FailureWarns(runWide, perCall));

    [Fact]
    public void A_call_argument_put_into_the_scope_decides_as_the_call_argument_does()
    {
        var scope = new ScopeSettings { WarnOnly = true };

        Assert.False(scope.WithCallWarnOnly(false).FailureWarns(runWide: true));
        Assert.True(scope.WithCallWarnOnly(null).FailureWarns(runWide: false));
        Assert.Same(scope, scope.WithCallWarnOnly(null));
    }
}
