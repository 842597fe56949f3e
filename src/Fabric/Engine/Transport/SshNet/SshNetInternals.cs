using System.Linq.Expressions;
using System.Reflection;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Messages;
using Renci.SshNet.Messages.Connection;

namespace Fabric.Engine.Transport.SshNet;

/// <summary>
/// The members of SSH.NET's internal session-channel API that Fabric uses, bound once by reflection. SSH.NET asks for a
/// pseudo-terminal only on a shell channel (<c>ShellStream</c>) and buffers a command's output without limit
/// (<c>SshCommand</c>); its internal channel does neither, so an exec with a terminal and flow-controlled output go
/// through it. Every member is looked up at first use; when one is missing (another SSH.NET version), the first command
/// fails with one message naming all that is missing. This is the only file that names those internals.
/// </summary>
internal sealed class SshNetInternals
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
    private static readonly Lazy<SshNetInternals> Bound = new(() => new SshNetInternals(typeof(BaseClient).Assembly));

    private SshNetInternals(Assembly sshNet)
    {
        var b = new Binder(sshNet);
        var session = b.Type("Renci.SshNet.ISession");
        var channel = b.Type("Renci.SshNet.Channels.IChannel");
        var channelSession = b.Type("Renci.SshNet.Channels.IChannelSession");
        var channelClass = b.Type("Renci.SshNet.Channels.Channel");
        var dataArgs = b.Type("Renci.SshNet.Common.ChannelDataEventArgs");
        var extendedArgs = b.Type("Renci.SshNet.Common.ChannelExtendedDataEventArgs");
        var requestArgs = b.Type("Renci.SshNet.Common.ChannelRequestEventArgs");
        ExitStatusType = b.Type("Renci.SshNet.Messages.Connection.ExitStatusRequestInfo");
        ExitSignalType = b.Type("Renci.SshNet.Messages.Connection.ExitSignalRequestInfo");

        SessionOf = b.Getter<BaseClient, object?>(typeof(BaseClient), "Session", session);
        CreateChannelSession = b.Call<Func<object, object>>(session, "CreateChannelSession", [], channelSession);
        ListenerCompleted = b.Getter<object, WaitHandle>(session, "MessageListenerCompleted", typeof(WaitHandle));
        SendMessage = b.Call<Action<object, Message>>(session, "SendMessage", [typeof(Message)]);

        Open = b.Call<Action<object>>(channelSession, "Open", []);
        PseudoTerminalRequest = b.New<Func<string, uint, uint, uint, uint, IDictionary<TerminalModes, uint>?, RequestInfo>>(
            b.Type("Renci.SshNet.Messages.Connection.PseudoTerminalRequestInfo"), [typeof(string), typeof(uint), typeof(uint), typeof(uint), typeof(uint), typeof(IDictionary<TerminalModes, uint>)]);
        ExecRequest = b.New<Func<string, System.Text.Encoding, RequestInfo>>(b.Type("Renci.SshNet.Messages.Connection.ExecRequestInfo"), [typeof(string), typeof(System.Text.Encoding)]);
        ShellRequest = b.New<Func<RequestInfo>>(b.Type("Renci.SshNet.Messages.Connection.ShellRequestInfo"), []);
        SubsystemRequest = b.New<Func<string, RequestInfo>>(b.Type("Renci.SshNet.Messages.Connection.SubsystemRequestInfo"), [typeof(string)]);
        WindowChange = b.Call<Action<object, uint, uint, uint, uint>>(channelSession, "SendWindowChangeRequest", [typeof(uint), typeof(uint), typeof(uint), typeof(uint)]);
        Signal = b.Call<Action<object, string>>(channelSession, "SendSignalRequest", [typeof(string)]);

        SendData = b.Call<Action<object, byte[], int, int>>(channel, "SendData", [typeof(byte[]), typeof(int), typeof(int)]);
        SendEof = b.Call<Action<object>>(channel, "SendEof", []);
        IsOpen = b.Getter<object, bool>(channel, "IsOpen", typeof(bool));
        RemoteChannelNumber = b.Getter<object, uint>(channel, "RemoteChannelNumber", typeof(uint));
        RemoteWindowSize = b.Getter<object, uint>(channelClass, "RemoteWindowSize", typeof(uint));
        DataReceived = b.Event(channel, "DataReceived", dataArgs);
        ExtendedDataReceived = b.Event(channel, "ExtendedDataReceived", extendedArgs);
        RequestReceived = b.Event(channel, "RequestReceived", requestArgs);
        Closed = b.Event(channel, "Closed", b.Type("Renci.SshNet.Common.ChannelEventArgs"));
        ExceptionRaised = b.Event(channel, "Exception", typeof(ExceptionEventArgs));
        RequestSucceeded = b.Event(channelClass, "RequestSucceeded", b.Type("Renci.SshNet.Common.ChannelEventArgs"));
        RequestFailed = b.Event(channelClass, "RequestFailed", b.Type("Renci.SshNet.Common.ChannelEventArgs"));
        MessagingLock = b.Field<Lock>(channelClass, "_messagingLock");
        WindowAdjusted = b.Field<EventWaitHandle>(channelClass, "_channelServerWindowAdjustWaitHandle");

        Data = b.Getter<EventArgs, ArraySegment<byte>>(dataArgs, "Data", typeof(ArraySegment<byte>));
        DataTypeCode = b.Getter<EventArgs, uint>(extendedArgs, "DataTypeCode", typeof(uint));
        Request = b.Getter<EventArgs, RequestInfo>(requestArgs, "Info", typeof(RequestInfo));
        ExitStatus = b.Getter<RequestInfo, uint>(ExitStatusType, "ExitStatus", typeof(uint));
        ExitSignal = b.Getter<RequestInfo, string>(ExitSignalType, "SignalName", typeof(string));

        Missing = b.Missing;
        Version = sshNet.GetName().Version?.ToString() ?? "unknown";
    }

    /// <summary>The members this SSH.NET lacks (empty when all are there), named as SSH.NET declares them.</summary>
    public IReadOnlyList<string> Missing { get; }

    public string Version { get; }

    public Func<BaseClient, object?> SessionOf { get; }

    public Func<object, object> CreateChannelSession { get; }

    /// <summary>Set when the session's receive loop has ended: the connection is gone.</summary>
    public Func<object, WaitHandle> ListenerCompleted { get; }

    public Action<object, Message> SendMessage { get; }

    public Action<object> Open { get; }

    /// <summary>A <c>pty-req</c> (SSH.NET sends it only for a shell: <c>ShellStream</c>).</summary>
    public Func<string, uint, uint, uint, uint, IDictionary<TerminalModes, uint>?, RequestInfo> PseudoTerminalRequest { get; }

    public Func<string, System.Text.Encoding, RequestInfo> ExecRequest { get; }

    public Func<RequestInfo> ShellRequest { get; }

    /// <summary>A <c>subsystem</c> request (SFTP as a channel of the connection that is already open: no second login).</summary>
    public Func<string, RequestInfo> SubsystemRequest { get; }

    public Action<object, uint, uint, uint, uint> WindowChange { get; }

    public Action<object, string> Signal { get; }

    public Action<object, byte[], int, int> SendData { get; }

    public Action<object> SendEof { get; }

    public Func<object, bool> IsOpen { get; }

    public Func<object, uint> RemoteChannelNumber { get; }

    public Func<object, uint> RemoteWindowSize { get; }

    public EventInfo? DataReceived { get; }

    public EventInfo? ExtendedDataReceived { get; }

    public EventInfo? RequestReceived { get; }

    public EventInfo? Closed { get; }

    public EventInfo? ExceptionRaised { get; }

    /// <summary>The server answered a channel request (pty-req, exec, shell) with success.</summary>
    public EventInfo? RequestSucceeded { get; }

    /// <summary>The server answered a channel request with failure.</summary>
    public EventInfo? RequestFailed { get; }

    /// <summary>
    /// What SSH.NET holds while it closes a channel (sends its close and marks it closed): a request sent under it never
    /// follows our close on the wire. SSH.NET's own request calls check the channel is open without it, and a request that
    /// slips after our close makes Dropbear drop the whole connection ("Unknown channel").
    /// </summary>
    public Func<object, Lock?> MessagingLock { get; }

    /// <summary>
    /// Set by SSH.NET when the server widens the channel's send window (a window adjust); reset only by SSH.NET's own wait
    /// for the window, which ours replaces: an upload that filled the window waits on it instead of polling.
    /// </summary>
    public Func<object, EventWaitHandle?> WindowAdjusted { get; }

    public Func<EventArgs, ArraySegment<byte>> Data { get; }

    public Func<EventArgs, uint> DataTypeCode { get; }

    public Func<EventArgs, RequestInfo> Request { get; }

    public Type? ExitStatusType { get; }

    public Type? ExitSignalType { get; }

    public Func<RequestInfo, uint> ExitStatus { get; }

    public Func<RequestInfo, string> ExitSignal { get; }

    /// <summary>The bound members; throws <see cref="AbortException"/> naming every missing one when SSH.NET changed.</summary>
    public static SshNetInternals Get()
    {
        var bound = Bound.Value;
        if (bound.Missing.Count > 0)
        {
            throw new AbortException(MissingMessage(bound.Version, bound.Missing));
        }

        return bound;
    }

    /// <summary>What <paramref name="sshNet"/> lacks of the members above (for a test against another assembly).</summary>
    internal static IReadOnlyList<string> MissingIn(Assembly sshNet) => new SshNetInternals(sshNet).Missing;

    internal static string MissingMessage(string version, IReadOnlyList<string> missing) =>
        $"This Fabric needs parts of SSH.NET that SSH.NET {version} does not have ({string.Join(", ", missing)}): "
        + "it runs commands on channels of SSH.NET's own internal API. Use the SSH.NET version Fabric was built with.";

    /// <summary>Subscribes <paramref name="handler"/> to an event whose argument type is internal to SSH.NET.</summary>
    public static void Subscribe(EventInfo? evt, object target, EventHandler handler)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentNullException.ThrowIfNull(handler);
        var typed = Delegate.CreateDelegate(evt.EventHandlerType!, handler.Target, handler.Method);
        evt.AddMethod!.Invoke(target, [typed]);
    }

    /// <summary>Looks members up, compiles calls to them, and records what is missing instead of throwing.</summary>
    private sealed class Binder(Assembly assembly)
    {
        public List<string> Missing { get; } = [];

        public Type? Type(string name)
        {
            var type = assembly.GetType(name, throwOnError: false);
            if (type is null)
            {
                Missing.Add(name);
            }

            return type;
        }

        public TDelegate Call<TDelegate>(Type? owner, string name, Type[] parameters, Type? returns = null)
            where TDelegate : Delegate
        {
            var method = owner?.GetMethod(name, Any, null, parameters, null);
            if (owner is null || method is null || (returns is not null && !returns.IsAssignableFrom(method.ReturnType)))
            {
                return Unbound<TDelegate>($"{owner?.Name ?? "?"}.{name}({string.Join(", ", parameters.Select(p => p.Name))})");
            }

            var invoke = typeof(TDelegate).GetMethod("Invoke")!;
            var args = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType)).ToArray();
            Expression call = Expression.Call(
                Expression.Convert(args[0], owner),
                method,
                args.Skip(1).Zip(parameters, (a, p) => (Expression)Expression.Convert(a, p)));
            if (invoke.ReturnType == typeof(void) && method.ReturnType != typeof(void))
            {
                call = Expression.Block(typeof(void), call);
            }
            else if (invoke.ReturnType != typeof(void) && invoke.ReturnType != method.ReturnType)
            {
                call = Expression.Convert(call, invoke.ReturnType);
            }

            return Expression.Lambda<TDelegate>(call, args).Compile();
        }

        public Func<TIn, TOut> Getter<TIn, TOut>(Type? owner, string name, Type? type)
        {
            var property = owner?.GetProperty(name, Any);
            if (owner is null || property?.GetMethod is null || type is null || !type.IsAssignableFrom(property.PropertyType))
            {
                return Unbound<Func<TIn, TOut>>($"{owner?.Name ?? "?"}.{name}");
            }

            var arg = Expression.Parameter(typeof(TIn));
            var body = Expression.Convert(Expression.Property(Expression.Convert(arg, owner), property), typeof(TOut));
            return Expression.Lambda<Func<TIn, TOut>>(body, arg).Compile();
        }

        public TDelegate New<TDelegate>(Type? type, Type[] parameters)
            where TDelegate : Delegate
        {
            var ctor = type?.GetConstructor(Any, null, parameters, null);
            if (type is null || ctor is null)
            {
                return Unbound<TDelegate>($"{type?.Name ?? "?"}({string.Join(", ", parameters.Select(p => p.Name))})");
            }

            var args = parameters.Select(Expression.Parameter).ToArray();
            var invoke = typeof(TDelegate).GetMethod("Invoke")!;
            return Expression.Lambda<TDelegate>(Expression.Convert(Expression.New(ctor, args), invoke.ReturnType), args).Compile();
        }

        public Func<object, T?> Field<T>(Type? owner, string name)
            where T : class
        {
            var field = owner?.GetField(name, Any);
            if (owner is null || field is null || !typeof(T).IsAssignableFrom(field.FieldType))
            {
                return Unbound<Func<object, T?>>($"{owner?.Name ?? "?"}.{name}");
            }

            var arg = Expression.Parameter(typeof(object));
            var body = Expression.Convert(Expression.Field(Expression.Convert(arg, owner), field), typeof(T));
            return Expression.Lambda<Func<object, T?>>(body, arg).Compile();
        }

        public EventInfo? Event(Type? owner, string name, Type? argsType)
        {
            var evt = owner?.GetEvent(name, Any);
            var expected = argsType is null ? null : typeof(EventHandler<>).MakeGenericType(argsType);
            if (evt?.AddMethod is null || evt.EventHandlerType != expected)
            {
                Missing.Add($"{owner?.Name ?? "?"}.{name}");
                return null;
            }

            return evt;
        }

        private TDelegate Unbound<TDelegate>(string what)
            where TDelegate : Delegate
        {
            Missing.Add(what);
            return null!;
        }
    }
}
