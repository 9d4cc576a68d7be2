using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Import;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Admin.Import;

/// <summary>What the admin chose on the upload page.</summary>
public sealed record ImportRequest(ImportKind Kind, char? Delimiter, string? DateFormat, bool SkipInvalid, bool CreateMissingCustomers);

/// <summary>Runs an uploaded CSV file through the one import engine (the same as <c>loyalty import</c>).</summary>
public interface IImportPageService
{
    /// <summary>The largest upload accepted.</summary>
    long MaxUploadBytes { get; }

    Task<ImportResult> ImportAsync(ImportRequest request, IBrowserFile file, IProgress<ImportProgress> progress, CancellationToken cancellationToken);
}

/// <summary>Streams the upload to a temporary file (size-limited), imports it with <see cref="CsvImporter"/>, then removes the file.</summary>
public sealed class ImportPageService(IDbContextFactory<LoyaltyDbContext> factory, TimeProvider time) : IImportPageService
{
    public long MaxUploadBytes => 200L * 1024 * 1024;

    public async Task<ImportResult> ImportAsync(ImportRequest request, IBrowserFile file, IProgress<ImportProgress> progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(file);
        if (file.Size > MaxUploadBytes)
        {
            return new ImportResult
            {
                Kind = request.Kind, FileName = file.Name,
                FileError = $"The file is {file.Size / 1024 / 1024} MB; uploads are limited to {MaxUploadBytes / 1024 / 1024} MB. Use 'loyalty import' for larger files.",
            };
        }
        var folder = Path.Combine(Path.GetTempPath(), "loyalty-import");
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        var upload = stem + ".csv";
        try
        {
            await using (var target = File.Create(upload))
            await using (var source = file.OpenReadStream(MaxUploadBytes, cancellationToken))
                await source.CopyToAsync(target, cancellationToken);

            var options = new CsvImportOptions
            {
                Delimiter = request.Delimiter,
                DateFormats = string.IsNullOrWhiteSpace(request.DateFormat) ? CsvImportOptions.DefaultDateFormats : [request.DateFormat.Trim()],
                SkipInvalid = request.SkipInvalid,
                RejectsPath = stem + ".rejects.csv",
                CreateMissingCustomers = request.CreateMissingCustomers && request.Kind == ImportKind.Orders,
            };
            var result = await new CsvImporter(factory, time).ImportAsync(request.Kind, upload, options, progress, cancellationToken);
            return result with { FileName = file.Name };
        }
        finally
        {
            File.Delete(upload);
        }
    }
}
