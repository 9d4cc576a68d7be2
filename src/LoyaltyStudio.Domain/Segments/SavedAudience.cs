using LoyaltyStudio.Domain.Common;

namespace LoyaltyStudio.Domain.Segments;

/// <summary>A named, reusable set of rules over customer attributes and scores.</summary>
public class SavedAudience
{
    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The rule tree as JSON (AND/OR groups of conditions); evaluated in SQL by the segment services.</summary>
    public string RulesJson { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private SavedAudience() { }

    public SavedAudience(string name, string rulesJson, string createdBy, DateTime createdAt)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("An audience needs a name.");
        if (string.IsNullOrWhiteSpace(rulesJson))
            throw new DomainException($"Audience '{name}' needs at least one rule.");
        Name = name.Trim();
        RulesJson = rulesJson;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public void Rename(string name, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException($"Audience '{Name}' needs a name; a blank one cannot be saved.");
        Name = name.Trim();
        UpdatedAt = at;
    }

    public void ChangeRules(string rulesJson, DateTime at)
    {
        if (string.IsNullOrWhiteSpace(rulesJson))
            throw new DomainException($"Audience '{Name}' needs at least one rule.");
        RulesJson = rulesJson;
        UpdatedAt = at;
    }
}
