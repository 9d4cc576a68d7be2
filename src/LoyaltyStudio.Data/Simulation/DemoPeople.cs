using LoyaltyStudio.Domain.Customers;
using LoyaltyStudio.Domain.Engagement;

namespace LoyaltyStudio.Data.Simulation;

/// <summary>
/// Names, regions and age bands the simulated customers are drawn from, with their shares, and the only ways age
/// band and region touch behaviour: the channel mix (younger customers use the app more, 55+ the store more, the
/// rural regions the store a little more) and a slightly higher newsletter open rate for 55+. Purchase rates,
/// drop-out, spend and offer response do not depend on them.
/// </summary>
internal static class DemoPeople
{
    public static readonly string[] FirstNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Sophia", "Grace", "Freya", "Emily",
        "Ella", "Chloe", "Evie", "Poppy", "Ruby", "Alice", "Hannah", "Sarah", "Laura", "Emma", "Anna", "Maya",
        "Zara", "Aisha", "Priya", "Fatima", "Noor", "Elena", "Sofia", "Lucia", "Ingrid", "Agnes", "Margaret", "Helen",
        "Noah", "Oliver", "George", "Arthur", "Leo", "Harry", "Oscar", "Archie", "Jack", "Henry", "Charlie", "Thomas",
        "James", "William", "Daniel", "Samuel", "Joseph", "David", "Adam", "Omar", "Mohammed", "Yusuf", "Arjun",
        "Ravi", "Lukas", "Mateo", "Luca", "Erik", "Jonas", "Peter", "Michael", "Robert", "Richard", "Paul",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Thomas", "Clarke", "Jackson", "Wood",
        "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward", "Hughes", "Moore", "Clark", "King",
        "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott", "Watson", "Davis", "Parker", "James",
        "Bennett", "Young", "Phillips", "Richardson", "Mitchell", "Bailey", "Carter", "Cook", "Singh", "Shaw", "Bell",
        "Collins", "Morgan", "Kelly", "Begum", "Miller", "Cox", "Hussain", "Marshall", "Simpson", "Price", "Anderson",
        "Adams", "Wilkinson", "Ali", "Ahmed", "Foster", "Ellis", "Murphy", "Chapman", "Mason", "Gray", "Richards",
        "Webb", "Griffiths", "Hunt", "Palmer", "Campbell", "Holmes", "Mills", "Rogers", "Barnes", "Knight", "Matthews",
        "Nowak", "Kowalski", "Novak", "Rossi", "Garcia", "Fernandes", "Schmidt", "Jensen", "Larsen", "Berg", "Lindqvist",
    ];

    public static readonly string[] Regions = ["London", "South East", "Midlands", "North West", "North East", "Scotland", "Wales", "South West"];
    public static readonly double[] RegionShares = [0.22, 0.16, 0.15, 0.13, 0.08, 0.1, 0.06, 0.1];

    public static readonly AgeBand[] AgeBands =
        [AgeBand.Under25, AgeBand.From25To34, AgeBand.From35To44, AgeBand.From45To54, AgeBand.From55To64, AgeBand.From65, AgeBand.Unknown];
    public static readonly double[] AgeBandShares = [0.12, 0.24, 0.22, 0.17, 0.12, 0.08, 0.05];

    public static readonly string[] EmailDomains = ["example.com", "example.net", "example.org", "mail.example"];

    /// <summary>Dirichlet concentrations of the channel mix (online, app, store) for a customer of this age band and region.</summary>
    public static double[] ChannelConcentrations(AgeBand ageBand, string region)
    {
        double online = 1.0, app = 0.8, store = 1.8;
        if (ageBand is AgeBand.Under25 or AgeBand.From25To34)
        {
            app *= 1.5;
            store *= 0.8;
        }
        else if (IsOlder(ageBand))
        {
            app *= 0.5;
            store *= 1.4;
        }
        if (region is "Scotland" or "Wales" or "South West" or "North East")
            store *= 1.2;
        return [online, app, store];
    }

    public static bool IsOlder(AgeBand ageBand) => ageBand is AgeBand.From55To64 or AgeBand.From65;

    public static readonly SupportTopic[] StoreTopics = [SupportTopic.Product, SupportTopic.Refund, SupportTopic.Points, SupportTopic.Account];
    public static readonly double[] StoreTopicShares = [0.5, 0.3, 0.1, 0.1];
    public static readonly SupportTopic[] RemoteTopics =
        [SupportTopic.Delivery, SupportTopic.Refund, SupportTopic.Product, SupportTopic.Points, SupportTopic.Account];
    public static readonly double[] RemoteTopicShares = [0.4, 0.2, 0.2, 0.1, 0.1];

    /// <summary>Support outcomes; unresolved and late ones are the bad experiences.</summary>
    public static readonly SupportOutcome[] Outcomes =
        [SupportOutcome.Resolved, SupportOutcome.ResolvedLate, SupportOutcome.Unresolved, SupportOutcome.Escalated];
    public static readonly double[] OutcomeShares = [0.65, 0.15, 0.12, 0.08];
}
