namespace LoyaltyStudio.Intelligence.Audiences;

/// <summary>What kind of value a field compares with; the builder picks its input from this.</summary>
public enum AudienceValueType
{
    /// <summary>A money amount or other number, zero or more (e.g. 500 or 499.90).</summary>
    Amount = 0,

    /// <summary>A whole number within the field's <see cref="AudienceField.Minimum"/> and <see cref="AudienceField.Maximum"/>.</summary>
    WholeNumber = 1,

    /// <summary>A percentage from 0 to 100.</summary>
    Percent = 2,

    /// <summary>One of the field's fixed <see cref="AudienceField.Choices"/>.</summary>
    Choice = 3,

    /// <summary>A micro-segment key (<c>micro:7</c>) from the segments table.</summary>
    MicroSegment = 4,

    /// <summary>An RFM segment key (<c>rfm:champions</c>) from the segments table.</summary>
    RfmSegment = 5,

    /// <summary>A tier code from the tiers table.</summary>
    Tier = 6,

    /// <summary>A region that customers live in.</summary>
    Region = 7,

    /// <summary>Yes or no.</summary>
    YesNo = 8,
}

/// <summary>
/// One field a condition can test: its key in the JSON, the label users read, the operators it allows and the value it
/// needs. <see cref="ArgumentLabel"/> is set when the field needs a second input (the category of a category affinity);
/// <see cref="IsProfile"/> marks fields that come from scoring and so only ever match customers who consented to profiling.
/// </summary>
public sealed record AudienceField(
    string Key,
    string Label,
    AudienceValueType ValueType,
    IReadOnlyList<AudienceOperator> Operators,
    bool IsProfile,
    string Help)
{
    /// <summary>The allowed values of a <see cref="AudienceValueType.Choice"/> field.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public int? Minimum { get; init; }

    public int? Maximum { get; init; }

    /// <summary>The label of the second input (a category), or null when the field has none.</summary>
    public string? ArgumentLabel { get; init; }
}
