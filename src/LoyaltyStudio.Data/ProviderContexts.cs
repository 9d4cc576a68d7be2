using Microsoft.EntityFrameworkCore;

namespace LoyaltyStudio.Data;

/// <summary>The context as migrated on SQLite; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqliteLoyaltyDbContext(DbContextOptions options) : LoyaltyDbContext(options);

/// <summary>The context as migrated on SQL Server; its migrations live in Migrations/SqlServer.</summary>
public sealed class SqlServerLoyaltyDbContext(DbContextOptions options) : LoyaltyDbContext(options);
