using System.Security.Cryptography;
using System.Text;
using Fabric.Engine.Ssh;

namespace Fabric.Tests.Engine.Ssh;

public sealed class KnownHostsFileTests
{
    private static readonly byte[] KeyA = Blob("ssh-ed25519", 1);
    private static readonly byte[] KeyB = Blob("ssh-ed25519", 2);
    private static readonly byte[] RsaKey = Blob("ssh-rsa", 3);
    private static readonly byte[] EcdsaKey = Blob("ecdsa-sha2-nistp256", 4);

    [Fact]
    public void Plain_entry_with_the_same_key_is_known()
    {
        var file = Parse($"web1 ssh-ed25519 {B64(KeyA)}");

        Assert.Equal(HostKeyVerdict.Known, file.Check("web1", 22, KeyA));
    }

    [Fact]
    public void Different_key_of_the_same_type_is_changed()
    {
        var file = Parse($"web1 ssh-ed25519 {B64(KeyA)}");

        Assert.Equal(HostKeyVerdict.Changed, file.Check("web1", 22, KeyB));
    }

    [Fact]
    public void Key_of_another_type_only_is_unknown()
    {
        var file = Parse($"web1 ssh-rsa {B64(RsaKey)}");

        Assert.Equal(HostKeyVerdict.Unknown, file.Check("web1", 22, KeyA));
    }

    [Fact]
    public void Non_default_port_needs_the_bracketed_form()
    {
        var file = Parse($"[web1]:2222 ssh-ed25519 {B64(KeyA)}", $"web1 ssh-ed25519 {B64(KeyB)}");

        Assert.Equal(HostKeyVerdict.Known, file.Check("web1", 2222, KeyA));
        Assert.Equal(HostKeyVerdict.Known, file.Check("web1", 22, KeyB));
        Assert.Equal(HostKeyVerdict.Unknown, file.Check("web2", 2222, KeyA));
    }

    [Fact]
    public void Hashed_entry_matches_its_host_only()
    {
        var salt = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
#pragma warning disable CA5350 // The known_hosts format's own hash.
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes("[127.0.0.5]:2200"));
#pragma warning restore CA5350
        var file = Parse($"|1|{B64(salt)}|{B64(hash)} ssh-ed25519 {B64(KeyA)}");

        Assert.Equal(HostKeyVerdict.Known, file.Check("127.0.0.5", 2200, KeyA));
        Assert.Equal(HostKeyVerdict.Unknown, file.Check("10.0.0.6", 2200, KeyA));
    }

    [Fact]
    public void Comma_lists_wildcards_and_negations_match_like_OpenSSH()
    {
        var file = Parse($"alpha,*.example.localhost,!bad.example.localhost ssh-ed25519 {B64(KeyA)}");

        Assert.Equal(HostKeyVerdict.Known, file.Check("alpha", 22, KeyA));
        Assert.Equal(HostKeyVerdict.Known, file.Check("www.example.localhost", 22, KeyA));
        Assert.Equal(HostKeyVerdict.Unknown, file.Check("bad.example.localhost", 22, KeyA));
    }

    [Fact]
    public void Revoked_key_is_refused_even_when_also_listed_as_known()
    {
        var file = Parse($"@revoked web1 ssh-ed25519 {B64(KeyA)}", $"web1 ssh-ed25519 {B64(KeyA)}");

        Assert.Equal(HostKeyVerdict.Revoked, file.Check("web1", 22, KeyA));
    }

    [Fact]
    public void Malformed_lines_are_skipped_with_a_warning_and_comments_silently()
    {
        var warnings = new List<string>();
        var file = KnownHostsFile.Parse(["# comment", "", "only-two fields", $"web1 ssh-ed25519 not-base64!", $"web1 ssh-rsa {B64(KeyA)}", $"web1 ssh-ed25519 {B64(KeyA)}"], warnings);

        Assert.Single(file.Entries);
        Assert.Equal(["line 3 is malformed and was skipped", "line 4 has a key that is not base64 and was skipped", "line 5 has a key that does not match its type 'ssh-rsa' and was skipped"], warnings);
    }

    [Fact]
    public void Known_key_types_come_from_plain_hashed_and_pattern_entries_for_that_host_and_port()
    {
        var salt = Enumerable.Range(1, 20).Select(i => (byte)i).ToArray();
#pragma warning disable CA5350 // The known_hosts format's own hash.
        var hash = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes("[127.0.0.5]:2200"));
#pragma warning restore CA5350
        var file = Parse(
            $"|1|{B64(salt)}|{B64(hash)} ssh-rsa {B64(RsaKey)}",
            $"[127.0.0.*]:2200,![127.0.0.9]:2200 ecdsa-sha2-nistp256 {B64(EcdsaKey)}",
            $"127.0.0.5 ssh-ed25519 {B64(KeyA)}",
            $"@revoked [127.0.0.5]:2200 ssh-ed25519 {B64(KeyB)}",
            $"@cert-authority * ssh-ed25519 {B64(KeyB)}");

        Assert.Equal(["ecdsa-sha2-nistp256", "ssh-rsa"], file.KnownKeyTypes("127.0.0.5", 2200).Order(StringComparer.Ordinal));
        Assert.Equal(["ssh-ed25519"], file.KnownKeyTypes("127.0.0.5", 22));
        Assert.Empty(file.KnownKeyTypes("127.0.0.9", 2200));
    }

    [Fact]
    public void Formatted_entry_parses_back_to_a_known_key()
    {
        var line = KnownHostsFile.FormatEntry("127.0.0.2", 2222, KeyA);

        Assert.StartsWith("[127.0.0.2]:2222 ssh-ed25519 ", line, StringComparison.Ordinal);
        Assert.Equal(HostKeyVerdict.Known, Parse(line).Check("127.0.0.2", 2222, KeyA));
    }

    private static KnownHostsFile Parse(params string[] lines)
    {
        var warnings = new List<string>();
        var file = KnownHostsFile.Parse(lines, warnings);
        Assert.Empty(warnings);
        return file;
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes);

    private static byte[] Blob(string type, byte fill)
    {
        var name = Encoding.ASCII.GetBytes(type);
        var blob = new byte[4 + name.Length + 4 + 32];
        blob[3] = (byte)name.Length;
        name.CopyTo(blob, 4);
        blob[4 + name.Length + 3] = 32;
        Array.Fill(blob, fill, 8 + name.Length, 32);
        return blob;
    }
}
