using Fabric.Engine;
using Fabric.Engine.Execution;
using static Fabric.Api;

namespace Fabric.Tests.Engine.Execution;

public class FabfileSetupTests
{
    [Fact]
    public void Abort_in_the_setup_is_an_abort_with_its_message_not_a_crash_with_a_library_location()
    {
        var e = Assert.Throws<AbortException>(() => FabfileSetup.Run([typeof(AbortingSetup)]));

        Assert.StartsWith("no environment chosen: run 'production' or 'staging' first", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Api.cs", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_exception_in_the_setup_is_a_usage_error_naming_the_class_and_the_cause()
    {
        var e = Assert.Throws<FabricUsageException>(() => FabfileSetup.Run([typeof(BrokenSetup)]));

        Assert.Contains("BrokenSetup's static constructor: InvalidOperationException: broken", e.Message, StringComparison.Ordinal);
    }

    private static class AbortingSetup
    {
#pragma warning disable CA1810 // The static constructor is the point: it is the fabfile's setup.
        static AbortingSetup() => Abort("no environment chosen: run 'production' or 'staging' first");
#pragma warning restore CA1810
    }

    private static class BrokenSetup
    {
#pragma warning disable CA1810
        static BrokenSetup() => throw new InvalidOperationException("broken");
#pragma warning restore CA1810
    }
}
