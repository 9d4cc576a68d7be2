using System.Security.Claims;
using LoyaltyStudio.Data;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Intelligence.Audiences;
using LoyaltyStudio.Web.Features.Customers;
using LoyaltyStudio.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Segments.Audiences;

/// <summary>The audience list and builder: lists, opens, evaluates live, saves and deletes audiences for a signed-in user.</summary>
public interface IAudienceWorkspaceService
{
    /// <summary>Every saved audience with its size in the current run and when that size was counted.</summary>
    Task<AudienceListView> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);

    /// <summary>The builder for a new audience (<paramref name="id"/> null) or a saved one; null when there is no audience <paramref name="id"/>.</summary>
    Task<AudienceEditorView?> EditorAsync(ClaimsPrincipal user, long? id, CancellationToken cancellationToken = default);

    /// <summary>Size, CLV sum, problems and a preview of the customers <paramref name="rules"/> select now.</summary>
    Task<AudienceLiveResult> EvaluateAsync(ClaimsPrincipal user, AudienceRules rules, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="rules"/> under <paramref name="name"/>: a new audience when <paramref name="id"/> is null, otherwise
    /// changes and renames audience <paramref name="id"/>. Throws <see cref="UnauthorizedAccessException"/> for roles that may
    /// only read, <see cref="DomainException"/> (or <see cref="AudienceRulesException"/>) with a readable message otherwise.
    /// </summary>
    Task<SavedAudienceInfo> SaveAsync(ClaimsPrincipal user, long? id, string name, AudienceRules rules, CancellationToken cancellationToken = default);

    /// <summary>Deletes audience <paramref name="id"/>; refused like <see cref="SaveAsync"/>.</summary>
    Task DeleteAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default);
}

/// <summary>
/// The web side of saved audiences: sizes, validation and storage come from <see cref="SavedAudienceService"/> (each
/// evaluation one aggregate statement); this adds the user's rights (checked here, on the server, for every change),
/// the masked preview rows (one query for at most <see cref="PreviewSize"/> customers) and the view models. The list's
/// sizes come from <see cref="AudienceSizes"/> (kept per run and rule tree); a save counts the saved rules again at once.
/// </summary>
public sealed class AudienceWorkspaceService(
    SavedAudienceService audiences,
    AudienceSizes sizes,
    IDbContextFactory<LoyaltyDbContext> contexts,
    IAuthorizationService authorization) : IAudienceWorkspaceService
{
    /// <summary>How many matching customers the builder previews.</summary>
    public const int PreviewSize = 8;

    private const string ReadOnlyMessage = "Your role can look at audiences but not change them; ask a marketer or an admin.";

    public async Task<AudienceListView> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var canEdit = await CanEditAsync(user);
        var listed = await sizes.ListAsync(cancellationToken: cancellationToken);
        return new AudienceListView(listed.HasRun, canEdit, listed.Audiences
            .Select(row =>
            {
                var a = row.Audience.Audience;
                return new AudienceListRow(a.Id, a.Name, row.Size?.Value, a.CreatedBy, a.CreatedAt, a.UpdatedAt, row.Audience.Problem,
                    row.Size?.CountedAt);
            })
            .ToList());
    }

    public async Task<AudienceEditorView?> EditorAsync(ClaimsPrincipal user, long? id, CancellationToken cancellationToken = default)
    {
        var canEdit = await CanEditAsync(user);
        AudienceBeingEdited? edited = null;
        if (id is { } audienceId)
        {
            SavedAudienceInfo info;
            try
            {
                info = await audiences.GetAsync(audienceId, cancellationToken);
            }
            catch (DomainException)
            {
                return null;
            }
            AudienceRules rules;
            string? unreadable = null;
            try
            {
                rules = AudienceRulesJson.Read(info.RulesJson, info.Name);
            }
            catch (AudienceRulesException e)
            {
                // Opens as an empty builder under the message naming the audience; saving then replaces the stored rules.
                rules = AudienceRules.Of(new AudienceRuleGroup());
                unreadable = e.Message;
            }
            edited = new AudienceBeingEdited(info.Id, info.Name, rules, info.CreatedBy, info.CreatedAt, unreadable);
        }
        var options = await audiences.EditorOptionsAsync(cancellationToken);
        return new AudienceEditorView(await HasRunAsync(cancellationToken), canEdit, options, edited);
    }

    public async Task<AudienceLiveResult> EvaluateAsync(ClaimsPrincipal user, AudienceRules rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(rules);
        var masked = !(await authorization.AuthorizeAsync(user, AreaPolicies.CustomersUnmasked)).Succeeded;
        AudienceEvaluation evaluation;
        try
        {
            evaluation = await audiences.EvaluateAsync(rules, PreviewSize, cancellationToken);
        }
        catch (AudienceRulesException e)
        {
            return new AudienceLiveResult(null, e.Problems, [], masked);
        }
        return new AudienceLiveResult(evaluation.Size, [], await PreviewAsync(evaluation.PreviewCustomerIds, masked, cancellationToken), masked);
    }

    public async Task<SavedAudienceInfo> SaveAsync(ClaimsPrincipal user, long? id, string name, AudienceRules rules, CancellationToken cancellationToken = default)
    {
        await EnsureCanEditAsync(user);
        var saved = id is not { } audienceId
            ? await audiences.CreateAsync(name, rules, user.Identity?.Name ?? "unknown", cancellationToken)
            // Name and rules are checked before either is stored, and stored together: a refusal changes nothing.
            : await audiences.ChangeAsync(audienceId, name ?? "", rules, cancellationToken);
        await sizes.RecountAsync(saved, cancellationToken);
        return saved;
    }

    public async Task DeleteAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default)
    {
        await EnsureCanEditAsync(user);
        await audiences.DeleteAsync(id, cancellationToken);
    }

    private async Task<IReadOnlyList<AudiencePreviewRow>> PreviewAsync(IReadOnlyList<long> ids, bool masked, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runId = await db.ScoringRuns.Where(r => r.IsCurrent).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var wanted = ids.ToList();
        var rows = await db.Customers.AsNoTracking()
            .Where(c => wanted.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.ExternalId,
                c.FirstName,
                c.LastName,
                c.Email,
                Tier = db.Tiers.Where(t => t.Code == c.TierCode).Select(t => t.Name).FirstOrDefault() ?? c.TierCode,
                Profiling = c.Consent.Profiling,
            })
            .ToListAsync(cancellationToken);
        // A second small query rather than a per-customer subquery projecting two columns: SQLite has no APPLY, so EF
        // Core turns that into a ROW_NUMBER() over every score of the run (~0.7 s at 100,000 customers).
        var scores = runId is null
            ? []
            : await db.CustomerScores.AsNoTracking()
                .Where(s => s.ScoringRunId == runId && wanted.Contains(s.CustomerId))
                .Select(s => new { s.CustomerId, s.ChurnRiskBand, s.PredictedLifetimeValue })
                .ToDictionaryAsync(s => s.CustomerId, cancellationToken);
        return rows
            .OrderBy(r => wanted.IndexOf(r.Id))
            .Select(r =>
            {
                var name = $"{r.FirstName} {r.LastName}".Trim();
                var score = r.Profiling ? scores.GetValueOrDefault(r.Id) : null;
                return new AudiencePreviewRow(r.Id, r.ExternalId,
                    masked ? PersonalDataMask.Name(name) : name,
                    masked ? PersonalDataMask.Email(r.Email) : r.Email,
                    r.Tier, score?.ChurnRiskBand, score?.PredictedLifetimeValue);
            })
            .ToList();
    }

    private async Task<bool> HasRunAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScoringRuns.AnyAsync(r => r.IsCurrent, cancellationToken);
    }

    private async Task<bool> CanEditAsync(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (await authorization.AuthorizeAsync(user, AreaPolicies.SegmentsEdit)).Succeeded;
    }

    private async Task EnsureCanEditAsync(ClaimsPrincipal user)
    {
        if (!await CanEditAsync(user))
            throw new UnauthorizedAccessException(ReadOnlyMessage);
    }
}
