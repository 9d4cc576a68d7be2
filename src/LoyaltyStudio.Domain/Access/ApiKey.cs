using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Access;

/// <summary>
/// A key a shop, app or till uses to push data into the ingestion API. Only a hash of the secret is kept;
/// the secret itself is shown once, when the key is created. A revoked key stays on record for the audit trail.
/// </summary>
public class ApiKey
{
    /// <summary>Characters of the secret shown in lists so people can tell keys apart.</summary>
    public const int PrefixLength = 8;

    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The first <see cref="PrefixLength"/> characters of the secret; the lookup key.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>Hash of the whole secret (hex SHA-256); never the secret.</summary>
    public string SecretHash { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    private ApiKey() { }

    public ApiKey(string name, string prefix, string secretHash, string createdBy, DateTime createdAt)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("An API key needs a name that says who uses it (e.g. 'Web shop').");
        if (string.IsNullOrEmpty(prefix) || prefix.Length != PrefixLength)
            throw new DomainException($"An API key prefix has exactly {PrefixLength} characters.");
        if (string.IsNullOrEmpty(secretHash))
            throw new DomainException("An API key must store the hash of its secret.");
        Name = name.Trim();
        Prefix = prefix;
        SecretHash = secretHash;
        CreatedBy = createdBy ?? "";
        CreatedAt = createdAt;
    }

    public bool IsActive => RevokedAt is null;

    /// <summary>Revokes the key; requests with it are refused from now on.</summary>
    public void Revoke(string by, DateTime at)
    {
        if (RevokedAt is not null)
            throw new DomainException($"API key '{Name}' was already revoked on {RevokedAt:yyyy-MM-dd HH:mm} UTC.");
        RevokedAt = at;
        RevokedBy = by;
    }

    public void RecordUse(DateTime at)
    {
        if (LastUsedAt is null || at > LastUsedAt)
            LastUsedAt = at;
    }
}
