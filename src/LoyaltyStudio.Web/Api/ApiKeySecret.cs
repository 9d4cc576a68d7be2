using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using LoyaltyStudio.Domain.Access;

namespace LoyaltyStudio.Web.Api;

/// <summary>
/// How API key secrets look and are kept: 32 random bytes in base64url (43 characters), the first
/// <see cref="ApiKey.PrefixLength"/> of them as the lookup prefix, and only the hex SHA-256 of the whole secret stored.
/// </summary>
public static class ApiKeySecret
{
    private const int SecretBytes = 32;

    /// <summary>Longest text worth hashing; a real secret has 43 characters.</summary>
    public const int MaxPresentedLength = 128;

    /// <summary>A fresh secret with its prefix and hash.</summary>
    public static (string Secret, string Prefix, string Hash) Create()
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (secret, PrefixOf(secret), Hash(secret));
    }

    public static string PrefixOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret[..ApiKey.PrefixLength];
    }

    /// <summary>Lower-case hex SHA-256 of the secret's UTF-8 bytes.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="presented"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string presented, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(storedHash);
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(storedHash, expected, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != SHA256.HashSizeInBytes)
            return false;
        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
