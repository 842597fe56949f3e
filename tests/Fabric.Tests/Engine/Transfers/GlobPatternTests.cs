using Fabric.Engine.Transfers;
using Fabric.Engine.Transport.Sftp;

namespace Fabric.Tests.Engine.Transfers;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*.txt", "a.txt", true)]
    [InlineData("*.txt", "a.txt.bak", false)]
    [InlineData("*.txt", ".hidden.txt", false)]
    [InlineData(".*.txt", ".hidden.txt", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("[ab]x", "bx", true)]
    [InlineData("[!ab]x", "bx", false)]
    [InlineData("[^ab]x", "cx", true)]
    [InlineData("[a-c]*", "b-file", true)]
    [InlineData("[a-c]*", "d-file", false)]
    [InlineData("\\*", "*", true)]
    [InlineData("\\*", "x", false)]
    [InlineData("[unclosed", "[unclosed", true)]
    [InlineData("*😀*", "emoji 😀.txt", true)]
    public void Matches_as_a_shell_glob_does(string pattern, string name, bool matches)
    {
        Assert.Equal(matches, GlobPattern.IsMatch(pattern, name));
    }

    [Theory]
    [InlineData("plain.txt", false)]
    [InlineData("*.txt", true)]
    [InlineData("a[1].txt", true)]
    [InlineData("what?", true)]
    public void Knows_a_glob_by_its_characters(string text, bool glob)
    {
        Assert.Equal(glob, GlobPattern.IsGlob(text));
    }

    [Fact]
    public void A_name_that_is_not_utf8_shows_its_bad_bytes_and_keeps_the_rest()
    {
        Assert.Equal("caf\\xE9 😀.txt", SftpReader.Escaped([.. "caf"u8, 0xE9, .. " 😀.txt"u8]));
    }

    [Theory]
    [InlineData("-rw-r--r-- 1 0 0 5242880 Dec  6 18:00 a b.txt", RemoteKind.File, 5242880L, 0x1A4)]
    [InlineData("drwx------ 2 1000 1000 4096 Dec  6 18:00 dir", RemoteKind.Directory, 4096L, 0x1C0)]
    [InlineData("-rwsr-x--T 1 0 0 1 Dec  6 18:00 odd", RemoteKind.File, 1L, 0x800 | 0x200 | 0x1E8)]
    public void A_posix_ls_line_gives_type_size_and_mode(string line, RemoteKind kind, long size, int mode)
    {
        var info = Fabric.Engine.Transfers.ShellFiles.ParseLong(line)!;

        Assert.Equal(kind.ToString(), info.Type.ToString());
        Assert.Equal(size, info.Size);
        Assert.Equal(mode, info.Mode);
    }

    /// <summary>Mirrors the engine's type names (internal enums cannot be theory parameters of a public test).</summary>
    public enum RemoteKind
    {
        File,
        Directory,
    }
}

public sealed class SftpVersionTests
{
    private static readonly byte[] Version = [0, 0, 0, 5, 2, 0, 0, 0, 3];

    [Fact]
    public void The_servers_first_reply_is_found_after_what_a_login_shell_printed()
    {
        byte[] received = [.. "bashrc says hi\n"u8, .. Version];

        Assert.Equal(15, Fabric.Engine.Transport.Sftp.SftpVersion.Find(received));
    }

    [Fact]
    public void A_reply_not_yet_whole_or_text_alone_is_not_found()
    {
        Assert.Equal(-1, Fabric.Engine.Transport.Sftp.SftpVersion.Find(Version.AsSpan(0, 8)));
        Assert.Equal(-1, Fabric.Engine.Transport.Sftp.SftpVersion.Find("This account is currently not available.\n"u8));
    }
}
