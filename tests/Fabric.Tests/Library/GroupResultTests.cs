namespace Fabric.Tests.Library;

public sealed class GroupResultTests
{
    private static GroupResult<int> Mixed() => new([
        HostResult<int>.Success("web1", 1),
        HostResult<int>.Failure("web2", new AbortException("Could not connect to web2: connection refused.")),
        HostResult<int>.Success("web3", 3),
    ]);

    [Fact]
    public void Succeeded_and_failed_views_keep_the_host_order()
    {
        var result = Mixed();

        Assert.Equal(["web1", "web2", "web3"], result.Select(r => r.Host));
        Assert.Equal(["web1", "web3"], result.Succeeded.Select(r => r.Host));
        Assert.Equal([1, 3], result.Succeeded.Select(r => r.Value));
        Assert.Equal("web2", Assert.Single(result.Failed).Host);
        Assert.False(result.AllSucceeded);
        Assert.Equal(3, result.Count);
        Assert.Equal(3, result["web3"].Value);
        Assert.Throws<KeyNotFoundException>(() => result["web9"]);
    }

    [Fact]
    public void Describe_names_each_failed_host_with_its_error()
    {
        Assert.Equal("Failed on 1 of 3 hosts (web2):\n  [web2] Could not connect to web2: connection refused.", Mixed().Describe());
        Assert.Equal("Succeeded on all 1 hosts.", new GroupResult<int>([HostResult<int>.Success("a", 0)]).Describe());
    }

    [Fact]
    public void Throw_if_any_failed_throws_naming_the_failures_or_returns_the_result()
    {
        var thrown = Assert.Throws<GroupFailedException>(() => Mixed().ThrowIfAnyFailed());
        Assert.Equal(Mixed().Describe(), thrown.Message);
        Assert.Equal("Could not connect to web2: connection refused.", thrown.Failures["web2"]);
        Assert.IsType<AbortException>(thrown, exactMatch: false);

        var ok = new GroupResult<int>([HostResult<int>.Success("a", 0)]);
        Assert.Same(ok, ok.ThrowIfAnyFailed());
    }

    [Fact]
    public void A_failure_names_its_host_once_and_never_an_exception_type()
    {
        var named = HostResult<int>.Failure("web2", new AbortException("run 'false' on web2 failed with exit code 1."));
        var unnamed = HostResult<int>.Failure("web2", new InvalidOperationException("no release to roll back to"));
        var cancelled = HostResult<int>.Failure("web2", new OperationCanceledException());
        var inside = HostResult<int>.Failure("web2", new AbortException("Could not connect to web2.internal: refused."));
        var ending = HostResult<int>.Failure("web2", new AbortException("Could not connect to web2."));

        Assert.Equal("run 'false' on web2 failed with exit code 1.", named.Error);
        Assert.Equal("web2: no release to roll back to", unnamed.Error);
        Assert.Equal("web2: cancelled", cancelled.Error);
        Assert.Equal("web2: Could not connect to web2.internal: refused.", inside.Error);
        Assert.Equal("Could not connect to web2.", ending.Error);
        Assert.IsType<InvalidOperationException>(unnamed.Exception);
        Assert.True(unnamed.Failed);
        Assert.Equal(0, unnamed.Value);
        Assert.Equal("web2: failed: web2: cancelled", cancelled.ToString());
    }
}
