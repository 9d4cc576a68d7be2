using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Offers;
using LoyaltyStudio.Domain.Tests.Common;

namespace LoyaltyStudio.Domain.Tests.Offers;

public class OfferLifecycleTests
{
    private static readonly DateTime T0 = new(2025, 5, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Expiry = T0.AddDays(14);

    public static TheoryData<OfferStatus, OfferStatus, bool> AllPairs => TransitionCases.AllPairs(
        (OfferStatus.Proposed, OfferStatus.Approved),
        (OfferStatus.Proposed, OfferStatus.Rejected),
        (OfferStatus.Proposed, OfferStatus.Expired),
        (OfferStatus.Approved, OfferStatus.Delivered),
        (OfferStatus.Approved, OfferStatus.Expired),
        (OfferStatus.Delivered, OfferStatus.Redeemed),
        (OfferStatus.Delivered, OfferStatus.Expired));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Lifecycle_table_allows_exactly_the_documented_moves(OfferStatus from, OfferStatus to, bool allowed) =>
        Assert.Equal(allowed, Offer.Lifecycle.CanMove(from, to));

    /// <summary>Nothing ever returns to Proposed and there is no action for it; the table test covers those pairs.</summary>
    public static TheoryData<OfferStatus, OfferStatus, bool> PairsWithAnAction
    {
        get
        {
            var data = new TheoryData<OfferStatus, OfferStatus, bool>();
            foreach (var row in AllPairs.Where(r => (OfferStatus)r[1] != OfferStatus.Proposed))
                data.Add((OfferStatus)row[0], (OfferStatus)row[1], (bool)row[2]);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PairsWithAnAction))]
    public void Offer_moves_between_states_iff_the_move_is_allowed(OfferStatus from, OfferStatus to, bool allowed)
    {
        var offer = OfferIn(from);

        if (allowed)
        {
            MoveTo(offer, to);
            Assert.Equal(to, offer.Status);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => MoveTo(offer, to));
            Assert.Contains($"Offer '15 % off tea' is {from} and cannot become {to}", ex.Message);
            Assert.Equal(from, offer.Status);
        }
    }

    [Theory]
    [InlineData(OfferStatus.Rejected)]
    [InlineData(OfferStatus.Redeemed)]
    [InlineData(OfferStatus.Expired)]
    public void Rejected_redeemed_and_expired_offers_are_final(OfferStatus final) => Assert.Empty(Offer.Lifecycle.From(final));

    [Fact]
    public void Approval_records_who_decided_and_when()
    {
        var offer = OfferIn(OfferStatus.Proposed);

        offer.Approve("marketer@demo.local", T0.AddHours(2));

        Assert.Equal("marketer@demo.local", offer.DecidedBy);
        Assert.Equal(T0.AddHours(2), offer.DecidedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Rejection_needs_a_reason(string reason)
    {
        var offer = OfferIn(OfferStatus.Proposed);

        Assert.Contains("needs a reason", Assert.Throws<DomainException>(() => offer.Reject("m", T0, reason)).Message);
        Assert.Equal(OfferStatus.Proposed, offer.Status);
    }

    [Fact]
    public void Rejection_records_decider_and_reason()
    {
        var offer = OfferIn(OfferStatus.Proposed);

        offer.Reject("manager@demo.local", T0.AddHours(1), "Margin too thin.");

        Assert.Equal(("manager@demo.local", "Margin too thin."), (offer.DecidedBy, offer.RejectionReason));
    }

    [Fact]
    public void Offer_cannot_be_delivered_once_it_has_expired()
    {
        var offer = OfferIn(OfferStatus.Approved);

        var ex = Assert.Throws<DomainException>(() => offer.MarkDelivered(Expiry));

        Assert.Contains("can no longer be delivered", ex.Message);
        Assert.Equal(OfferStatus.Approved, offer.Status);
    }

    [Fact]
    public void Redemption_after_expiry_is_refused()
    {
        var offer = OfferIn(OfferStatus.Delivered);

        var ex = Assert.Throws<DomainException>(() => offer.Redeem(55, Expiry.AddSeconds(1)));

        Assert.Contains("too late", ex.Message);
        Assert.Equal(OfferStatus.Delivered, offer.Status);
    }

    [Fact]
    public void Redemption_at_the_last_valid_moment_is_accepted_and_records_the_order()
    {
        var offer = OfferIn(OfferStatus.Delivered);

        offer.Redeem(55, Expiry);

        Assert.Equal((OfferStatus.Redeemed, 55L, Expiry), (offer.Status, offer.RedemptionOrderId!.Value, offer.RedeemedAt!.Value));
    }

    [Fact]
    public void Offer_cannot_expire_while_still_valid()
    {
        var offer = OfferIn(OfferStatus.Delivered);

        Assert.Contains("is valid until", Assert.Throws<DomainException>(() => offer.Expire(Expiry.AddSeconds(-1))).Message);
        Assert.Equal(OfferStatus.Delivered, offer.Status);
    }

    [Fact]
    public void Approved_offer_that_was_never_delivered_expires_instead_of_lingering()
    {
        var offer = OfferIn(OfferStatus.Approved);
        Assert.Throws<DomainException>(() => offer.MarkDelivered(Expiry.AddDays(1)));

        offer.Expire(Expiry.AddDays(1));

        Assert.Equal(OfferStatus.Expired, offer.Status);
    }

    [Fact]
    public void Offer_needs_a_title_a_non_negative_cost_and_an_expiry_after_proposal()
    {
        Assert.Contains("title", Assert.Throws<DomainException>(() => new Offer(1, null, " ", "", null, 1m, 1m, T0, Expiry)).Message);
        Assert.Contains("cost cannot be negative", Assert.Throws<DomainException>(() => new Offer(1, null, "X", "", null, 1m, -1m, T0, Expiry)).Message);
        Assert.Contains("must expire after", Assert.Throws<DomainException>(() => new Offer(1, null, "X", "", null, 1m, 1m, T0, T0)).Message);
    }

    [Fact]
    public void New_offer_is_proposed_with_a_trimmed_title()
    {
        var offer = new Offer(8, 2, " Double points ", null!, 4, 12.5m, 3m, T0, Expiry);

        Assert.Equal((OfferStatus.Proposed, "Double points", ""), (offer.Status, offer.Title, offer.Reason));
    }

    private static Offer OfferIn(OfferStatus status)
    {
        var offer = new Offer(8, 2, "15 % off tea", "Buys tea monthly, lapsing", 4, 12.5m, 3m, T0, Expiry);
        switch (status)
        {
            case OfferStatus.Proposed: break;
            case OfferStatus.Rejected: offer.Reject("manager@demo.local", T0.AddHours(1), "Too generous."); break;
            case OfferStatus.Expired: offer.Expire(Expiry); break;
            default:
                offer.Approve("manager@demo.local", T0.AddHours(1));
                if (status == OfferStatus.Approved)
                    break;
                offer.MarkDelivered(T0.AddDays(1));
                if (status == OfferStatus.Delivered)
                    break;
                offer.Redeem(99, T0.AddDays(2));
                break;
        }
        Assert.Equal(status, offer.Status);
        return offer;
    }

    private static void MoveTo(Offer offer, OfferStatus to)
    {
        switch (to)
        {
            case OfferStatus.Approved: offer.Approve("manager@demo.local", T0.AddHours(3)); break;
            case OfferStatus.Rejected: offer.Reject("manager@demo.local", T0.AddHours(3), "Not this month."); break;
            case OfferStatus.Delivered: offer.MarkDelivered(T0.AddDays(3)); break;
            case OfferStatus.Redeemed: offer.Redeem(100, T0.AddDays(4)); break;
            case OfferStatus.Expired: offer.Expire(Expiry); break;
            default: throw new ArgumentOutOfRangeException(nameof(to));
        }
    }
}
