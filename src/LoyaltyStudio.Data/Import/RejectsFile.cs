using System.Text;

namespace LoyaltyStudio.Data.Import;

/// <summary>The rows left out by skip-invalid: line number, the reasons, and the original record, as CSV.</summary>
internal sealed class RejectsFile(string path) : IAsyncDisposable
{
    private StreamWriter? _writer;

    public string Path { get; } = path;
    public long Count { get; private set; }

    public async Task AddAsync(long line, IEnumerable<ImportError> errors, string original)
    {
        if (_writer is null)
        {
            _writer = new StreamWriter(Path, append: false, new UTF8Encoding(false));
            await _writer.WriteLineAsync("line,reason,original");
        }
        var reason = string.Join("; ", errors.Select(e => e.Column.Length == 0 ? e.Reason : $"{e.Column} '{e.Value}' {e.Reason}"));
        await _writer.WriteLineAsync($"{line},{Quote(reason)},{Quote(original.TrimEnd('\r', '\n'))}");
        Count++;
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
            await _writer.DisposeAsync();
    }
}
