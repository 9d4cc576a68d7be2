using LoyaltyStudio.Data.GroundTruth;
using LoyaltyStudio.Domain.Campaigns;
using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;
using LoyaltyStudio.Domain.Loyalty;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Domain.Sales;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>All rows of one batch of customers, collected before they are written together.</summary>
internal sealed class DemoBatch
{
    public List<Customer> Customers { get; } = [];
    public List<Order> Orders { get; } = [];
    public List<OrderLine> Lines { get; } = [];
    public List<InteractionEvent> Events { get; } = [];
    public List<SupportContact> SupportContacts { get; } = [];
    public List<PointsLedgerEntry> Points { get; } = [];
    public List<CustomerTruth> Truths { get; } = [];
    public List<HoldoutAssignment> Holdouts { get; } = [];
    public List<Offer> Offers { get; } = [];

    public void Clear()
    {
        Customers.Clear();
        Orders.Clear();
        Lines.Clear();
        Events.Clear();
        SupportContacts.Clear();
        Points.Clear();
        Truths.Clear();
        Holdouts.Clear();
        Offers.Clear();
    }
}

/// <summary>Next explicit ids for rows that others refer to; assigned in generation order, so they never depend on batching.</summary>
internal sealed class DemoIds
{
    public long NextOrderId { get; set; }
    public long NextLineId { get; set; }
}

/// <summary>The simulated period: <see cref="Start"/> inclusive to <see cref="End"/> exclusive, in UTC.</summary>
internal sealed record DemoPeriod(DateTime Start, DateTime End)
{
    public static DemoPeriod From(GenerationRequest request) => new(
        request.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        request.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
}
