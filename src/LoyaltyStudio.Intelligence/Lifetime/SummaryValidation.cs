namespace LoyaltyStudio.Intelligence.Lifetime;

/// <summary>Checks a customer summary before a model sees it, with a message naming the customer and the field.</summary>
internal static class SummaryValidation
{
    public static void Check(CustomerSummary customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (!double.IsFinite(customer.Frequency) || customer.Frequency < 0 || customer.Frequency != Math.Floor(customer.Frequency))
            throw new ArgumentException($"Customer '{customer.Id}': frequency must be a whole number >= 0, not {customer.Frequency}.");
        if (!double.IsFinite(customer.T) || customer.T < 0)
            throw new ArgumentException($"Customer '{customer.Id}': T must be a number >= 0, not {customer.T}.");
        if (!double.IsFinite(customer.Recency) || customer.Recency < 0 || customer.Recency > customer.T)
            throw new ArgumentException(
                $"Customer '{customer.Id}': recency must be between 0 and T ({customer.T}), not {customer.Recency}.");
        if (customer.Frequency == 0 && customer.Recency != 0)
            throw new ArgumentException(
                $"Customer '{customer.Id}': recency must be 0 when frequency is 0 (there is no repeat purchase), not {customer.Recency}.");
    }
}
