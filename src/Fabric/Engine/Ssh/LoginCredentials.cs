namespace Fabric.Engine.Ssh;

/// <summary>
/// A login password and key files that a <c>Settings(password: …, keyFilenames: …)</c> scope gives its operations: used
/// when one of them opens a connection (an open connection to the same user, host and port is reused as it is). Its text
/// form never shows the password.
/// </summary>
/// <param name="password">The password, or null: the run's (<c>Env.Passwords</c>, <c>Env.Password</c>, <see cref="SshOptions.Password"/>).</param>
/// <param name="keyFiles">The key files, in place of <c>Env.KeyFilenames</c>, or null: those.</param>
internal sealed class LoginCredentials(string? password, IReadOnlyList<string>? keyFiles)
{
    public string? Password { get; } = password;

    public IReadOnlyList<string>? KeyFiles { get; } = keyFiles;

    /// <summary>These credentials with <paramref name="password"/> and <paramref name="keyFiles"/> put over them (null keeps the current one).</summary>
    public static LoginCredentials? Over(LoginCredentials? current, string? password, IReadOnlyList<string>? keyFiles) =>
        password is null && keyFiles is null
            ? current
            : new LoginCredentials(password ?? current?.Password, keyFiles ?? current?.KeyFiles);

    public override string ToString() =>
        $"password {(Password is null ? "(none)" : "(set)")}, key files [{string.Join(", ", KeyFiles ?? [])}]";
}
