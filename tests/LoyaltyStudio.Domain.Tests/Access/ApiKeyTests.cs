using LoyaltyStudio.Domain.Access;
using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Tests.Access;

public class ApiKeyTests
{
    private static readonly DateTime Now = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    private static ApiKey NewKey() => new("Web shop", "ab12cd34", "hash", "admin@demo.local", Now);

    [Fact]
    public void A_new_key_is_active_until_revoked()
    {
        var key = NewKey();
        Assert.True(key.IsActive);

        key.Revoke("admin@demo.local", Now.AddDays(1));

        Assert.False(key.IsActive);
        Assert.Equal(Now.AddDays(1), key.RevokedAt);
        Assert.Equal("admin@demo.local", key.RevokedBy);
    }

    [Fact]
    public void Revoking_twice_is_refused_with_the_date_of_the_first_revocation()
    {
        var key = NewKey();
        key.Revoke("a", Now);

        var ex = Assert.Throws<DomainException>(() => key.Revoke("b", Now.AddHours(1)));

        Assert.Contains("already revoked", ex.Message);
        Assert.Contains("2026-11-01", ex.Message);
        Assert.Equal("a", key.RevokedBy);
    }

    [Theory]
    [InlineData("", "ab12cd34", "hash", "name")]
    [InlineData("Till", "short", "hash", "prefix")]
    [InlineData("Till", "ab12cd34", "", "hash")]
    public void A_key_without_name_prefix_or_hash_is_refused(string name, string prefix, string hash, string word)
    {
        var ex = Assert.Throws<DomainException>(() => new ApiKey(name, prefix, hash, "x", Now));
        Assert.Contains(word, ex.Message);
    }

    [Fact]
    public void Last_use_only_moves_forward()
    {
        var key = NewKey();
        key.RecordUse(Now.AddHours(2));
        key.RecordUse(Now.AddHours(1));
        Assert.Equal(Now.AddHours(2), key.LastUsedAt);
    }
}
