namespace Fabric.Engine.Transport.Sftp;

/// <summary>Reading SFTP replies: what a file is from its attributes, and a status as the server's reason.</summary>
internal static class SftpReplies
{
    public static RemoteFileInfo Info((long? Size, int? Permissions) attributes)
    {
        var type = (attributes.Permissions & 0xF000) switch
        {
            0x4000 => RemoteFileType.Directory,
            0x8000 => RemoteFileType.File,
            null => RemoteFileType.File,
            _ => RemoteFileType.Other,
        };
        return new RemoteFileInfo(type, attributes.Size ?? 0, attributes.Permissions & 0xFFF);
    }

    /// <summary>The reply's reader when it is of <paramref name="type"/>; a status instead is the server's refusal, thrown.</summary>
    public static SftpReader Expect(SftpReply reply, byte type)
    {
        if (reply.Type == type)
        {
            return reply.Reader();
        }

        if (reply.Type == SftpCodes.Status)
        {
            ExpectOk(reply);
        }

        throw new RemoteFileException(RemoteFileError.Failure, $"the server answered with SFTP message {reply.Type}, not {type}");
    }

    public static void ExpectOk(SftpReply reply)
    {
        if (reply.Type != SftpCodes.Status)
        {
            throw new RemoteFileException(RemoteFileError.Failure, $"the server answered with SFTP message {reply.Type}, not a status");
        }

        var reader = reply.Reader();
        var code = reader.UInt32();
        if (code == SftpCodes.Ok)
        {
            return;
        }

        var message = reader.AtEnd ? "" : reader.String().Text.Trim();
        var (error, fallback) = code switch
        {
            SftpCodes.NoSuchFile => (RemoteFileError.Missing, "No such file"),
            SftpCodes.PermissionDenied => (RemoteFileError.Denied, "Permission denied"),
            SftpCodes.OpUnsupported => (RemoteFileError.Unsupported, "Operation unsupported"),
            SftpCodes.Eof => (RemoteFileError.Failure, "End of file"),
            _ => (RemoteFileError.Failure, "Failure"),
        };
        throw new RemoteFileException(error, message.Length > 0 ? message : fallback);
    }
}
