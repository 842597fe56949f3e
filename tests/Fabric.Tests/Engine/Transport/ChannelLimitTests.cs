using Fabric.Engine.Transport.SshNet;

namespace Fabric.Tests.Engine.Transport;

public sealed class ChannelLimitTests
{
    [Fact]
    public void Takes_up_to_the_configured_number_then_waits_for_a_release()
    {
        var limit = new ChannelLimit(2);

        Assert.True(limit.TryTake());
        Assert.True(limit.TryTake());
        Assert.False(limit.TryTake());
        limit.Release();
        Assert.True(limit.TryTake());
        Assert.Equal(2, limit.Open);
    }

    [Fact]
    public void A_refusal_while_others_are_open_waits_for_one_to_close_and_learns_the_servers_limit()
    {
        var limit = new ChannelLimit(8);
        limit.TryTake();
        limit.Accepted();
        limit.TryTake();

        var refusal = limit.Refused();

        Assert.Equal(ChannelRefusal.WaitForClose, refusal);
        Assert.Equal(1, limit.Limit);
        Assert.Equal(1, limit.Open);
        Assert.False(limit.TryTake());
        limit.Release();
        Assert.True(limit.TryTake());
    }

    [Fact]
    public void A_refusal_of_the_first_channel_of_a_connection_means_the_server_refuses_sessions()
    {
        var limit = new ChannelLimit(8);
        limit.TryTake();

        Assert.Equal(ChannelRefusal.NoSessions, limit.Refused());
        Assert.Equal(0, limit.Open);
    }

    [Fact]
    public void A_refusal_with_none_open_after_one_was_served_is_asked_again_once_then_taken_for_a_one_session_server()
    {
        var limit = new ChannelLimit(8);
        limit.TryTake();
        limit.Accepted();
        limit.Release();

        limit.TryTake();
        var first = limit.Refused();
        limit.TryTake();
        var second = limit.Refused();

        Assert.Equal(ChannelRefusal.RetrySoon, first);
        Assert.Equal(ChannelRefusal.FreshConnection, second);
        Assert.True(limit.OneSessionPerConnection);
        Assert.Equal(8, limit.Limit);
    }

    [Fact]
    public void An_accepted_channel_after_a_retry_clears_the_suspicion_of_a_one_session_server()
    {
        var limit = new ChannelLimit(8);
        limit.TryTake();
        limit.Accepted();
        limit.Release();

        limit.TryTake();
        Assert.Equal(ChannelRefusal.RetrySoon, limit.Refused());
        limit.TryTake();
        limit.Accepted();
        limit.Release();
        limit.TryTake();

        Assert.Equal(ChannelRefusal.RetrySoon, limit.Refused());
        Assert.False(limit.OneSessionPerConnection);
    }

    [Fact]
    public void The_limit_never_drops_below_one_nor_releases_below_zero()
    {
        var limit = new ChannelLimit(0);

        limit.Release();

        Assert.Equal(1, limit.Limit);
        Assert.Equal(0, limit.Open);
        Assert.True(limit.TryTake());
    }

    [Fact]
    public void A_connection_lost_when_idle_after_serving_a_session_is_taken_for_a_one_session_server()
    {
        var limit = new ChannelLimit(8);
        limit.TryTake();
        limit.Accepted();
        limit.Release();

        Assert.True(limit.LostWhenIdle());
        Assert.True(limit.OneSessionPerConnection);
    }

    [Fact]
    public void A_connection_lost_under_an_open_channel_or_before_any_session_is_reported_not_replaced()
    {
        var busy = new ChannelLimit(8);
        busy.TryTake();
        busy.Accepted();
        var fresh = new ChannelLimit(8);

        Assert.False(busy.LostWhenIdle());
        Assert.False(fresh.LostWhenIdle());
        Assert.False(busy.OneSessionPerConnection || fresh.OneSessionPerConnection);
    }
}
