namespace LoyaltyStudio.Data.Configurations;

/// <summary>Column lengths shared by the mappings, so the same kind of value has the same size everywhere.</summary>
internal static class ColumnSizes
{
    /// <summary>Ids from source systems (customer numbers, order numbers, event ids).</summary>
    public const int ExternalId = 64;

    /// <summary>Short codes (tier, category, SKU).</summary>
    public const int Code = 64;

    /// <summary>Enum names stored as text.</summary>
    public const int EnumName = 32;

    /// <summary>Person and thing names.</summary>
    public const int Name = 200;

    /// <summary>E-mail addresses (RFC 5321 limit is 254).</summary>
    public const int Email = 256;

    public const int Phone = 40;

    /// <summary>User names, API key names, e-mail addresses of staff.</summary>
    public const int Actor = 256;

    /// <summary>Free-text reasons and notes.</summary>
    public const int Note = 2000;
}
