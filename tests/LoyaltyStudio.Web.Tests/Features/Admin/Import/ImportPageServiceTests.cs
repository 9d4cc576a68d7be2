using System.Text;
using LoyaltyStudio.Data.Import;
using LoyaltyStudio.Web.Features.Admin.Import;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Tests.Features.Admin.Import;

public sealed class ImportPageServiceTests
{
    [Fact]
    public async Task An_uploaded_file_is_imported_by_the_engine_and_its_temporary_copy_removed()
    {
        await using var database = await TempSqliteDatabase.CreateMigratedAsync();
        var service = new ImportPageService(database.Factory, TimeProvider.System);
        var upload = new UploadedFile("people.csv", "customer_id;first_name;last_name;signup_date\nC1;Ada;Lovelace;2024-01-01\n");
        var before = Directory.Exists(TempUploads) ? Directory.GetFiles(TempUploads).Length : 0;

        var result = await service.ImportAsync(new ImportRequest(ImportKind.Customers, null, null, false, false), upload,
            new Progress<ImportProgress>(), CancellationToken.None);

        Assert.True(result.Succeeded, result.FileError);
        Assert.Equal(("people.csv", 1L), (result.FileName, result.RowsWritten));
        await using var db = database.Factory.CreateDbContext();
        Assert.Equal("Ada", (await db.Customers.SingleAsync()).FirstName);
        Assert.Equal(before, Directory.GetFiles(TempUploads).Length);
    }

    [Fact]
    public async Task A_file_over_the_upload_limit_is_refused_by_size()
    {
        await using var database = await TempSqliteDatabase.CreateMigratedAsync();
        var service = new ImportPageService(database.Factory, TimeProvider.System);

        var result = await service.ImportAsync(new ImportRequest(ImportKind.Orders, null, null, false, false),
            new UploadedFile("huge.csv", "x", size: service.MaxUploadBytes + 1), new Progress<ImportProgress>(), CancellationToken.None);

        Assert.Contains("uploads are limited to 200 MB", result.FileError);
    }

    private static string TempUploads => Path.Combine(Path.GetTempPath(), "loyalty-import");

    /// <summary>A browser file backed by a string, as InputFile would hand it over.</summary>
    private sealed class UploadedFile(string name, string content, long? size = null) : IBrowserFile
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(content);

        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => size ?? _bytes.Length;
        public string ContentType => "text/csv";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) => new MemoryStream(_bytes);
    }
}
