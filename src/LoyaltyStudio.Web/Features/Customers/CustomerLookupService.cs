using System.Security.Claims;
using LoyaltyStudio.Data;
using LoyaltyStudio.Data.Queries;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Features.Customers;

/// <summary>Finds customers and builds their 360 profile, masking personal data for users without <see cref="AreaPolicies.CustomersUnmasked"/>.</summary>
public interface ICustomerLookupService
{
    /// <summary>Customers whose external id (or, for unmasked users, e-mail, name or phone) starts with <paramref name="term"/>.</summary>
    Task<CustomerSearchResult> SearchAsync(ClaimsPrincipal user, string? term, CancellationToken cancellationToken = default);

    /// <summary>The customer's profile, or null when there is no customer with this id.</summary>
    Task<CustomerProfile?> GetProfileAsync(ClaimsPrincipal user, long customerId, CancellationToken cancellationToken = default);

    /// <summary>One page (1-based) of the customer's orders with their lines, newest first.</summary>
    Task<CustomerOrdersPage> GetOrdersAsync(long customerId, int page, CancellationToken cancellationToken = default);
}

/// <summary>
/// Answers searches and profiles with indexed, capped queries: a search returns at most
/// <see cref="CustomerSearchResult.MaxResults"/> rows, a profile a page of orders and the newest events,
/// contacts and ledger entries with their totals. Whether to mask is decided here from the user's claims,
/// so no page can forget it.
/// </summary>
public sealed class CustomerLookupService(
    IDbContextFactory<LoyaltyDbContext> contexts,
    IAuthorizationService authorization,
    TimeProvider clock) : ICustomerLookupService
{
    /// <summary>Orders per page on the profile.</summary>
    public const int OrdersPageSize = 10;

    /// <summary>How many of the newest events, support contacts and ledger entries the profile shows.</summary>
    public const int LatestEntriesShown = 20;

    public async Task<CustomerSearchResult> SearchAsync(ClaimsPrincipal user, string? term, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var masked = await IsMaskedAsync(user);
        var trimmed = (term ?? "").Trim();
        if (trimmed.Length == 0)
            return new CustomerSearchResult("", masked, [], false, null);
        if (trimmed.Length > CustomerSearchTerm.MaxLength)
            return new CustomerSearchResult(trimmed[..CustomerSearchTerm.MaxLength], masked, [], false,
                $"The search term is {trimmed.Length} characters long; use at most {CustomerSearchTerm.MaxLength}.");

        var filter = masked ? CustomerSearchTerm.ExternalIdStartsWith(trimmed) : CustomerSearchTerm.AnyFieldStartsWith(trimmed);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Customers.AsNoTracking()
            .Where(filter)
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Take(CustomerSearchResult.MaxResults + 1)
            .Select(c => new
            {
                c.Id,
                c.ExternalId,
                c.FirstName,
                c.LastName,
                c.Email,
                c.TierCode,
                c.Region,
                LastOrderAt = db.Orders.Where(o => o.CustomerId == c.Id).Max(o => (DateTime?)o.OrderedAt),
                Orders = db.Orders.Count(o => o.CustomerId == c.Id),
            })
            .ToListAsync(cancellationToken);

        var tiers = await TierRulesAsync(db, cancellationToken);
        var rows = found.Take(CustomerSearchResult.MaxResults).Select(c =>
        {
            var name = $"{c.FirstName} {c.LastName}".Trim();
            return new CustomerSearchRow(c.Id, c.ExternalId,
                masked ? PersonalDataMask.Name(name) : name,
                masked ? PersonalDataMask.Email(c.Email) : c.Email,
                TierName(tiers, c.TierCode), c.Region, c.LastOrderAt, c.Orders);
        }).ToList();
        return new CustomerSearchResult(trimmed, masked, rows, found.Count > CustomerSearchResult.MaxResults, null);
    }

    public async Task<CustomerProfile?> GetProfileAsync(ClaimsPrincipal user, long customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var masked = await IsMaskedAsync(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
            return null;

        var now = clock.GetUtcNow().UtcDateTime;
        var orders = db.Orders.Where(o => o.CustomerId == customerId);
        var orderCount = await orders.CountAsync(cancellationToken);
        var revenue = await orders.SumAsync(o => o.Total, cancellationToken);
        var lastPurchase = await orders.MaxAsync(o => (DateTime?)o.OrderedAt, cancellationToken);
        var balance = await db.PointsBalanceAsync(customerId, cancellationToken);

        // The same window as TierRules.QualifyingSpend: after now − 365 days, up to now.
        var windowStart = now - TierRules.QualifyingWindow;
        var qualifyingSpend = await orders.Where(o => o.OrderedAt > windowStart && o.OrderedAt <= now)
            .SumAsync(o => o.Total, cancellationToken);

        var events = db.InteractionEvents.AsNoTracking().Where(e => e.CustomerId == customerId);
        var latestEvents = await events
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(LatestEntriesShown)
            .Select(e => new EventRow(e.OccurredAt, e.Type, e.Channel,
                db.Products.Where(p => p.Id == e.ProductId).Select(p => p.Name).FirstOrDefault(), e.CheckoutStep))
            .ToListAsync(cancellationToken);

        var contacts = db.SupportContacts.AsNoTracking().Where(s => s.CustomerId == customerId);
        var latestContacts = await contacts
            .OrderByDescending(s => s.OpenedAt).ThenByDescending(s => s.Id)
            .Take(LatestEntriesShown)
            .Select(s => new SupportContactRow(s.OpenedAt, s.Topic, s.Outcome))
            .ToListAsync(cancellationToken);

        var ledger = db.PointsLedger.AsNoTracking().Where(p => p.CustomerId == customerId);
        var latestLedger = await ledger
            .OrderByDescending(p => p.OccurredAt).ThenByDescending(p => p.Id)
            .Take(LatestEntriesShown)
            .Select(p => new LedgerRow(p.OccurredAt, p.Type, p.Points, p.Note))
            .ToListAsync(cancellationToken);

        var score = await CurrentScoreAsync(db, customerId, cancellationToken);

        var tiers = await TierRulesAsync(db, cancellationToken);
        return new CustomerProfile(
            Header(customer, masked),
            Standing(tiers, customer.TierCode, qualifyingSpend),
            new CustomerKpis(orderCount, revenue, lastPurchase, balance),
            await OrdersPageAsync(db, customerId, 1, orderCount, cancellationToken),
            new LatestEntries<EventRow>(latestEvents, await events.CountAsync(cancellationToken)),
            new LatestEntries<SupportContactRow>(latestContacts, await contacts.CountAsync(cancellationToken)),
            new LatestEntries<LedgerRow>(latestLedger, await ledger.CountAsync(cancellationToken)),
            score);
    }

    public async Task<CustomerOrdersPage> GetOrdersAsync(long customerId, int page, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Orders.CountAsync(o => o.CustomerId == customerId, cancellationToken);
        return await OrdersPageAsync(db, customerId, page, total, cancellationToken);
    }

    private static async Task<ScoreSummary?> CurrentScoreAsync(LoyaltyDbContext db, long customerId, CancellationToken cancellationToken)
    {
        var row = await db.CurrentScores().Where(s => s.CustomerId == customerId)
            .Select(s => new
            {
                s.ChurnScore,
                s.ChurnRiskBand,
                s.ProbabilityAlive,
                s.PredictedLifetimeValue,
                s.ExpectedPurchases,
                s.ExpectedSpendPerOrder,
                s.ChurnReasonsJson,
                s.NextBestOffersJson,
                Cutoff = db.ScoringRuns.Where(r => r.Id == s.ScoringRunId).Select(r => r.CutoffDate).First(),
                Rfm = db.Segments.Where(g => g.Id == s.RfmSegmentId).Select(g => g.Name).FirstOrDefault(),
                Micro = db.Segments.Where(g => g.Id == s.MicroSegmentId).Select(g => g.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        return new ScoreSummary(row.ChurnScore, row.ChurnRiskBand, row.ProbabilityAlive, row.PredictedLifetimeValue, row.Cutoff)
        {
            ExpectedPurchases = row.ExpectedPurchases,
            ExpectedSpendPerOrder = row.ExpectedSpendPerOrder,
            Reasons = StoredScoreJson.Sentences(row.ChurnReasonsJson),
            Offers = StoredScoreJson.Offers(row.NextBestOffersJson),
            RfmSegment = row.Rfm,
            MicroSegment = row.Micro,
        };
    }

    private static async Task<CustomerOrdersPage> OrdersPageAsync(LoyaltyDbContext db, long customerId, int page, int total, CancellationToken cancellationToken)
    {
        var pageCount = Math.Max(1, (total + OrdersPageSize - 1) / OrdersPageSize);
        page = Math.Clamp(page, 1, pageCount);
        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.OrderedAt).ThenByDescending(o => o.Id)
            .Skip((page - 1) * OrdersPageSize).Take(OrdersPageSize)
            .Select(o => new { o.Id, o.ExternalId, o.OrderedAt, o.Channel, o.Total, o.DiscountTotal })
            .ToListAsync(cancellationToken);

        var ids = orders.Select(o => o.Id).ToList();
        var lines = await db.OrderLines.AsNoTracking()
            .Where(l => ids.Contains(l.OrderId))
            .OrderBy(l => l.Id)
            .Select(l => new
            {
                l.OrderId,
                Row = new OrderLineRow(
                    db.Products.Where(p => p.Id == l.ProductId).Select(p => p.Sku).FirstOrDefault() ?? "",
                    db.Products.Where(p => p.Id == l.ProductId).Select(p => p.Name).FirstOrDefault() ?? "",
                    l.Quantity, l.UnitPrice, l.Discount, l.LineTotal),
            })
            .ToListAsync(cancellationToken);
        var linesByOrder = lines.ToLookup(l => l.OrderId, l => l.Row);

        return new CustomerOrdersPage(page, OrdersPageSize, total,
            orders.Select(o => new OrderRow(o.Id, o.ExternalId, o.OrderedAt, o.Channel, o.Total, o.DiscountTotal,
                linesByOrder[o.Id].ToList())).ToList());
    }

    private async Task<bool> IsMaskedAsync(ClaimsPrincipal user) =>
        !(await authorization.AuthorizeAsync(user, AreaPolicies.CustomersUnmasked)).Succeeded;

    private static CustomerHeader Header(Customer c, bool masked) => new(
        c.Id, c.ExternalId,
        masked ? PersonalDataMask.Name(c.DisplayName) : c.DisplayName,
        masked ? PersonalDataMask.Email(c.Email) : c.Email,
        masked ? PersonalDataMask.Phone(c.Phone) : c.Phone,
        masked, c.Region, c.AgeBand, c.SignupDate, c.SignupChannel,
        new ConsentView(c.Consent.Email, c.Consent.Sms, c.Consent.Push, c.Consent.Profiling, c.Consent.UpdatedAt),
        c.RescoreRequestedAt);

    /// <summary>The next tier is the first above both the held tier and the spend: a customer who holds Gold is not told how far Gold is.</summary>
    private static TierStanding Standing(TierRules rules, string tierCode, decimal qualifyingSpend)
    {
        var held = rules.Tiers.FirstOrDefault(t => t.Code == tierCode);
        var next = rules.Tiers.FirstOrDefault(t => t.Rank > (held?.Rank ?? -1) && t.QualifyingSpend > qualifyingSpend);
        return new TierStanding(tierCode, held?.Name ?? tierCode, qualifyingSpend,
            next?.Name, next?.QualifyingSpend, next is null ? null : next.QualifyingSpend - qualifyingSpend);
    }

    private static string TierName(TierRules rules, string code) => rules.Tiers.FirstOrDefault(t => t.Code == code)?.Name ?? code;

    /// <summary>The programme's tiers as stored; the standard ladder when none are stored yet.</summary>
    private static async Task<TierRules> TierRulesAsync(LoyaltyDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.Tiers.AsNoTracking().ToListAsync(cancellationToken);
        return stored.Count == 0 ? TierRules.Standard : new TierRules(stored);
    }
}
