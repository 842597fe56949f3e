namespace Fabric.Engine.Transport.SshNet;

/// <summary>What to do about a session channel the server refused to open.</summary>
internal enum ChannelRefusal
{
    /// <summary>Others of ours are open: the server allows no more at once; wait until one closes, then ask again.</summary>
    WaitForClose,

    /// <summary>None of ours is open, but one just closed: the server may not have freed it yet; ask again shortly.</summary>
    RetrySoon,

    /// <summary>The server allows one session per connection (tinysshd): this and every later channel gets a fresh connection.</summary>
    FreshConnection,

    /// <summary>The server refuses every session (<c>MaxSessions 0</c>): give up with a message saying so.</summary>
    NoSessions,

    /// <summary>
    /// The server opened the channel and closed it before it answered our requests (Dropbear 2022.83 does, now and then,
    /// when channels open and close quickly): nothing ran; ask again on a new channel.
    /// </summary>
    ClosedBeforeStart,
}

/// <summary>
/// How many session channels one connection may have open at once, and what to do when the server refuses one. Starts at a
/// configured limit and learns the server's real one from its refusals: OpenSSH's <c>MaxSessions</c> (10 by default) refuses
/// a channel beyond it, but the connection goes on, so the refused channel waits for one of ours to close. Not thread-safe:
/// the caller serialises calls. No SSH here, so that the decisions are unit-tested on their own.
/// </summary>
internal sealed class ChannelLimit(int configured)
{
    /// <summary>Refusals in a row with none of ours open, on a connection that served one before, after which it is taken for one-session.</summary>
    private const int EmptyRefusalsBeforeFresh = 2;

    private int _emptyRefusals;

    /// <summary>How many may be open at once: the configured number, lowered to what the server allowed when it refused.</summary>
    public int Limit { get; private set; } = Math.Max(1, configured);

    /// <summary>How many of ours are open or opening now.</summary>
    public int Open { get; private set; }

    /// <summary>The server has accepted a session on this connection.</summary>
    public bool Served { get; private set; }

    /// <summary>The server allows one session per connection: each channel needs a fresh connection.</summary>
    public bool OneSessionPerConnection { get; private set; }

    /// <summary>Takes a slot when fewer than <see cref="Limit"/> are open; false means wait for <see cref="Release"/>.</summary>
    public bool TryTake()
    {
        if (Open >= Limit)
        {
            return false;
        }

        Open++;
        return true;
    }

    /// <summary>The channel of a taken slot opened.</summary>
    public void Accepted()
    {
        Served = true;
        _emptyRefusals = 0;
    }

    /// <summary>The channel of a taken slot closed (or never opened for a reason other than a refusal): its slot is free.</summary>
    public void Release() => Open = Math.Max(0, Open - 1);

    /// <summary>
    /// The connection was lost while a channel was being opened (its slot freed already). True when it had served a session
    /// and none of ours was open: the server closes a connection once its one session ends (tinysshd does), so this and every
    /// later channel takes a fresh connection. False: the connection broke under a command, which is reported.
    /// </summary>
    public bool LostWhenIdle()
    {
        if (!Served || Open > 0)
        {
            return false;
        }

        OneSessionPerConnection = true;
        return true;
    }

    /// <summary>The server refused the channel of a taken slot: frees the slot and says what to do.</summary>
    public ChannelRefusal Refused()
    {
        Release();
        if (Open > 0)
        {
            // Our open channels are all the server counts on this connection: it allows exactly as many as are open now.
            Limit = Math.Min(Limit, Open);
            return ChannelRefusal.WaitForClose;
        }

        if (!Served)
        {
            return ChannelRefusal.NoSessions;
        }

        if (++_emptyRefusals < EmptyRefusalsBeforeFresh)
        {
            return ChannelRefusal.RetrySoon;
        }

        OneSessionPerConnection = true;
        return ChannelRefusal.FreshConnection;
    }
}
