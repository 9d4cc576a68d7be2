using System.Security.Cryptography;
using System.Text;
using LoyaltyStudio.Domain.Common;
using LoyaltyStudio.Web.Api;
using LoyaltyStudio.Web.Features.Admin.ApiKeys;
using LoyaltyStudio.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Web.Tests.Features.Admin.ApiKeys;

public sealed class ApiKeyServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 9, 30, 0, TimeSpan.Zero);
    private TempSqliteDatabase _db = null!;
    private ApiKeyService _service = null!;

    public async Task InitializeAsync()
    {
        _db = await TempSqliteDatabase.CreateMigratedAsync();
        _service = new ApiKeyService(_db.Factory, new FixedClock(Now));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Created_key_stores_only_the_sha256_of_its_secret_and_the_prefix()
    {
        var created = await _service.CreateAsync("Web shop", "admin@demo.local");

        Assert.Equal(43, created.Secret.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", created.Secret);
        Assert.Equal(created.Secret[..8], created.Prefix);
        await using var db = _db.Factory.CreateDbContext();
        var stored = await db.ApiKeys.SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Secret))), stored.SecretHash);
        Assert.NotEqual(created.Secret, stored.SecretHash);
        Assert.Equal(created.Prefix, stored.Prefix);
        Assert.Equal("admin@demo.local", stored.CreatedBy);
        Assert.Equal(Now.UtcDateTime, stored.CreatedAt);
        Assert.True(ApiKeySecret.Matches(created.Secret, stored.SecretHash));
        Assert.False(ApiKeySecret.Matches(created.Secret + "x", stored.SecretHash));
    }

    [Fact]
    public async Task Each_key_gets_its_own_secret()
    {
        var first = await _service.CreateAsync("Web shop", "admin");
        var second = await _service.CreateAsync("Tills", "admin");

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.NotEqual(first.Prefix, second.Prefix);
    }

    [Fact]
    public async Task List_shows_active_keys_first_and_revoked_ones_with_who_and_when()
    {
        var old = await _service.CreateAsync("Old till", "admin");
        var shop = await _service.CreateAsync("Web shop", "admin");
        await _service.RevokeAsync(old.Id, "boss@demo.local");

        var keys = await _service.ListAsync();

        Assert.Equal(["Web shop", "Old till"], keys.Select(k => k.Name));
        Assert.True(keys[0].IsActive);
        Assert.False(keys[1].IsActive);
        Assert.Equal("boss@demo.local", keys[1].RevokedBy);
        Assert.Equal(Now.UtcDateTime, keys[1].RevokedAt);
        Assert.Equal(shop.Prefix, keys[0].Prefix);
    }

    [Fact]
    public async Task Revoking_a_key_twice_is_refused_with_a_message()
    {
        var key = await _service.CreateAsync("Web shop", "admin");
        await _service.RevokeAsync(key.Id, "admin");

        var ex = await Assert.ThrowsAsync<DomainException>(() => _service.RevokeAsync(key.Id, "admin"));

        Assert.Contains("already revoked", ex.Message);
    }

    [Fact]
    public async Task Key_without_a_name_is_refused_and_nothing_is_stored()
    {
        var ex = await Assert.ThrowsAsync<DomainException>(() => _service.CreateAsync("  ", "admin"));

        Assert.Contains("name", ex.Message);
        Assert.Empty(await _service.ListAsync());
    }
}
