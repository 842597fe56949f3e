using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace Fabric.Engine.Output;

/// <summary>
/// The secrets to mask in output at one moment, gathered once from where they come from (the run's own, <c>Env.Secrets</c>,
/// a <c>Secrets(...)</c> scope): distinct, longest first, with one vectorized search for any of them. Masking a line
/// that holds none costs that one search and allocates nothing; with no secrets at all it costs nothing
/// (<see cref="None"/>). Immutable: safe to share between the threads that stream output.
/// </summary>
internal sealed class SecretSet
{
    /// <summary>No secrets: masking returns the text as it is.</summary>
    public static readonly SecretSet None = new([], null, [], ImmutableList<string>.Empty);

    private readonly string[] _values;
    private readonly SearchValues<string>? _any;

    /// <summary>Every secret in UTF-8, to look for in output as it came (a UTF-8 text holds a text exactly when it holds its bytes).</summary>
    private readonly byte[][] _utf8;

    // What the set was made from, to tell whether it still holds: snapshots, each replaced by a new one when its list changes.
    private readonly IReadOnlyList<string> _own;
    private readonly string? _password;
    private readonly IReadOnlyList<string> _env;
    private readonly ImmutableList<string> _scope;

    private SecretSet(IReadOnlyList<string> own, string? password, IReadOnlyList<string> env, ImmutableList<string> scope)
    {
        (_own, _password, _env, _scope) = (own, password, env, scope);
        IEnumerable<string> all = password is null ? own : own.Append(password);
        _values = [.. all.Concat(env).Concat(scope).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
        _any = _values.Length == 0 ? null : SearchValues.Create(_values, StringComparison.Ordinal);
        _utf8 = [.. _values.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Every secret, distinct and longest first.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>True when there is nothing to mask.</summary>
    public bool IsEmpty => _values.Length == 0;

    /// <summary>
    /// The set of these sources: <paramref name="last"/> when it was made from the same ones (no allocation), else a new
    /// one. <paramref name="own"/> and <paramref name="env"/> are snapshots of lists that may change (an <c>EnvList</c>'s,
    /// which stays the same object until its list changes).
    /// </summary>
    public static SecretSet Of(SecretSet? last, IReadOnlyList<string> own, string? password, IReadOnlyList<string> env, ImmutableList<string> scope)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(scope);
        if (own.Count == 0 && password is null && env.Count == 0 && scope.IsEmpty)
        {
            return None;
        }

        return last is not null && ReferenceEquals(own, last._own) && ReferenceEquals(password, last._password) && ReferenceEquals(env, last._env) && ReferenceEquals(scope, last._scope)
            ? last
            : new SecretSet(own, password, env, scope);
    }

    /// <summary>True when any of the secrets occurs in the UTF-8 <paramref name="text"/>.</summary>
    public bool OccursIn(ReadOnlySpan<byte> text)
    {
        foreach (var secret in _utf8)
        {
            if (text.IndexOf(secret) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="text"/> with every secret replaced by <see cref="SecretMask.Mask"/>: the same instance when it holds none.</summary>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_any is null || text.AsSpan().IndexOfAny(_any) < 0)
        {
            return text;
        }

        foreach (var secret in _values)
        {
            text = text.Replace(secret, SecretMask.Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
