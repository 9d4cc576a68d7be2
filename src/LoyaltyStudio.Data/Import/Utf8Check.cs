using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace LoyaltyStudio.Data.Import;

/// <summary>
/// Finds the first byte sequence that is not UTF-8, with its line and byte offset, so a file saved in another
/// encoding (Windows-1252, Latin-1) is refused by name instead of being read with replacement characters.
/// </summary>
internal static class Utf8Check
{
    /// <summary>Null when the whole file is UTF-8; otherwise a message naming line, byte offset and byte.</summary>
    public static async Task<string?> FindProblemAsync(string path, CancellationToken cancellationToken)
    {
        const int ChunkSize = 1 << 20;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16,
            FileOptions.SequentialScan | FileOptions.Asynchronous);
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize + 4);
        try
        {
            long offset = 0; // file offset of bytes[0]
            long line = 1;
            var carried = 0;
            while (true)
            {
                var read = await stream.ReadAsync(bytes.AsMemory(carried, ChunkSize), cancellationToken);
                var available = carried + read;
                var final = read == 0;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, available), chars, out var consumed, out _,
                    replaceInvalidSequences: false, isFinalBlock: final);
                if (status == OperationStatus.InvalidData)
                {
                    line += bytes.AsSpan(0, consumed).Count((byte)'\n');
                    var bad = bytes[consumed];
                    return $"The file is not valid UTF-8: line {line}, byte offset {offset + consumed} holds byte 0x{bad:X2}, " +
                        "which cannot start or continue a UTF-8 character. Save the file as UTF-8 (it looks like " +
                        "Windows-1252 or Latin-1) and import again.";
                }
                line += bytes.AsSpan(0, consumed).Count((byte)'\n');
                if (final)
                    return null;
                carried = available - consumed; // an incomplete character at the end of the chunk
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
                offset += consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The delimiter of the header line: the more frequent of <c>,</c> and <c>;</c> outside quotes.</summary>
    public static char DetectDelimiter(string headerLine)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == ',')
                commas++;
            else if (!quoted && c == ';')
                semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    /// <summary>Reads the first line of the file (after a byte-order mark), at most <paramref name="maxLength"/> characters.</summary>
    public static async Task<string> FirstLineAsync(string path, int maxLength, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var buffer = new char[Math.Min(maxLength, 1 << 16)];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        var text = buffer.AsSpan(0, read);
        var end = text.IndexOfAny('\r', '\n');
        return (end < 0 ? text : text[..end]).ToString();
    }
}
