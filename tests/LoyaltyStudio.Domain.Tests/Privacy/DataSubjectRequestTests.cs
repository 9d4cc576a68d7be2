using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Domain.Privacy;
using LoyaltyStudio.Domain.Tests.Common;

namespace LoyaltyStudio.Domain.Tests.Privacy;

public class DataSubjectRequestTests
{
    private static readonly DateTime Received = new(2025, 2, 3, 11, 0, 0, DateTimeKind.Utc);

    public static TheoryData<DataSubjectRequestStatus, DataSubjectRequestStatus, bool> AllPairs => TransitionCases.AllPairs(
        (DataSubjectRequestStatus.Received, DataSubjectRequestStatus.InProgress),
        (DataSubjectRequestStatus.Received, DataSubjectRequestStatus.Rejected),
        (DataSubjectRequestStatus.InProgress, DataSubjectRequestStatus.Completed),
        (DataSubjectRequestStatus.InProgress, DataSubjectRequestStatus.Rejected));

    public static TheoryData<DataSubjectRequestStatus, DataSubjectRequestStatus, bool> PairsWithAnAction
    {
        get
        {
            var data = new TheoryData<DataSubjectRequestStatus, DataSubjectRequestStatus, bool>();
            foreach (var row in AllPairs.Where(r => (DataSubjectRequestStatus)r[1] != DataSubjectRequestStatus.Received))
                data.Add((DataSubjectRequestStatus)row[0], (DataSubjectRequestStatus)row[1], (bool)row[2]);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Lifecycle_table_allows_exactly_the_documented_moves(DataSubjectRequestStatus from, DataSubjectRequestStatus to, bool allowed) =>
        Assert.Equal(allowed, DataSubjectRequest.Lifecycle.CanMove(from, to));

    [Theory]
    [MemberData(nameof(PairsWithAnAction))]
    public void Request_moves_between_states_iff_the_move_is_allowed(DataSubjectRequestStatus from, DataSubjectRequestStatus to, bool allowed)
    {
        var request = RequestIn(from);

        if (allowed)
        {
            MoveTo(request, to);
            Assert.Equal(to, request.Status);
        }
        else
        {
            var ex = Assert.Throws<DomainException>(() => MoveTo(request, to));
            Assert.Contains($"Erasure request 0 is {from} and cannot become {to}", ex.Message);
            Assert.Equal(from, request.Status);
        }
    }

    [Fact]
    public void Request_is_due_30_days_after_it_was_received() =>
        Assert.Equal(Received.AddDays(30), new DataSubjectRequest(1, DataSubjectRequestKind.Export, Received).DueBy);

    [Fact]
    public void Open_request_is_overdue_only_after_its_deadline()
    {
        var request = new DataSubjectRequest(1, DataSubjectRequestKind.Export, Received);

        Assert.False(request.IsOverdue(request.DueBy));
        Assert.True(request.IsOverdue(request.DueBy.AddSeconds(1)));
        request.Start("admin@demo.local");
        Assert.True(request.IsOverdue(request.DueBy.AddDays(1)));
    }

    [Theory]
    [InlineData(DataSubjectRequestStatus.Completed)]
    [InlineData(DataSubjectRequestStatus.Rejected)]
    public void Answered_request_is_never_overdue(DataSubjectRequestStatus status) =>
        Assert.False(RequestIn(status).IsOverdue(Received.AddYears(1)));

    [Fact]
    public void Handling_records_handler_completion_time_and_note()
    {
        var request = new DataSubjectRequest(5, DataSubjectRequestKind.Export, Received);

        request.Start("admin@demo.local");
        request.Complete(Received.AddDays(2), "Sent as ZIP.");

        Assert.Equal(("admin@demo.local", Received.AddDays(2), "Sent as ZIP."), (request.HandledBy, request.CompletedAt!.Value, request.Note));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Rejection_needs_a_reason_for_the_customer(string reason)
    {
        var request = new DataSubjectRequest(5, DataSubjectRequestKind.Erasure, Received);

        Assert.Contains("reason", Assert.Throws<DomainException>(() => request.Reject(Received.AddDays(1), reason)).Message);
        Assert.Equal(DataSubjectRequestStatus.Received, request.Status);
    }

    private static DataSubjectRequest RequestIn(DataSubjectRequestStatus status)
    {
        var request = new DataSubjectRequest(5, DataSubjectRequestKind.Erasure, Received);
        switch (status)
        {
            case DataSubjectRequestStatus.InProgress: request.Start("admin"); break;
            case DataSubjectRequestStatus.Completed: request.Start("admin"); request.Complete(Received.AddDays(1)); break;
            case DataSubjectRequestStatus.Rejected: request.Reject(Received.AddDays(1), "Identity not verified."); break;
        }
        return request;
    }

    private static void MoveTo(DataSubjectRequest request, DataSubjectRequestStatus to)
    {
        switch (to)
        {
            case DataSubjectRequestStatus.InProgress: request.Start("admin@demo.local"); break;
            case DataSubjectRequestStatus.Completed: request.Complete(Received.AddDays(3)); break;
            case DataSubjectRequestStatus.Rejected: request.Reject(Received.AddDays(3), "Duplicate of an earlier request."); break;
            default: throw new ArgumentOutOfRangeException(nameof(to));
        }
    }
}
