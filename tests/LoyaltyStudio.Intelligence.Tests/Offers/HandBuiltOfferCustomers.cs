using LoyaltyStudio.Domain.Customers;
using static LoyaltyStudio.Intelligence.Tests.Infrastructure.TestShop;

namespace LoyaltyStudio.Intelligence.Tests.Offers;

/// <summary>
/// Hand-built customers, each made to qualify for one offer rule (days are days before the cut-off):
/// <list type="bullet">
/// <item>Fan: 2 coffee (20.00) on days 10, 40, 100 and 200: coffee only, steady, far from Silver, recent.</item>
/// <item>Shifter: 2 coffee on days 300, 200, 150, 1 coffee on day 60, 2 tea (16.00) on day 20: coffee is still the weighted
/// favourite, tea rose from 0 % to 62 % (16 of 26.00) of spend.</item>
/// <item>Browser: 1 coffee on day 15, 1 tea on day 7; croissant viewed on days 5, 10, 12 (and on day 31, at the cut-off and
/// after it, which do not count); tea viewed twice but bought; coffee viewed once.</item>
/// <item>NearGold: 10 coffee (100.00) on days 20, 60, 100, 150, 200, 250, 300 (700.00 in the year, Silver); 50 coffee on
/// day 400 and 10 at the cut-off, which must not count (either would make the customer Gold).</item>
/// <item>Lapsed: 1 coffee on days 100 and 200.</item>
/// <item>Silent: 1 coffee on day 5, no marketing consent.</item>
/// <item>ViewerOnly (views, no orders) and Future (an order at the cut-off only) get nothing.</item>
/// </list>
/// There are no campaigns, so every kind is priced with the default response rates.
/// </summary>
public sealed class HandBuiltOfferCustomers : IAsyncLifetime
{
    public OfferTestShop Shop { get; private set; } = null!;

    public Customer Fan { get; private set; } = null!;

    public Customer Shifter { get; private set; } = null!;

    public Customer Browser { get; private set; } = null!;

    public Customer NearGold { get; private set; } = null!;

    public Customer Lapsed { get; private set; } = null!;

    public Customer Silent { get; private set; } = null!;

    public Customer ViewerOnly { get; private set; } = null!;

    public Customer Future { get; private set; } = null!;

    public IEnumerable<Customer> All => [Fan, Shifter, Browser, NearGold, Lapsed, Silent, ViewerOnly, Future];

    public async Task InitializeAsync()
    {
        var shop = Shop = await OfferTestShop.CreateAsync();
        Fan = await shop.AddCustomerAsync("fan");
        foreach (var day in new[] { 10, 40, 100, 200 })
            await shop.AddOrderAsync(Fan, day, shop.Coffee, 2);

        Shifter = await shop.AddCustomerAsync("shifter");
        foreach (var day in new[] { 300, 200, 150 })
            await shop.AddOrderAsync(Shifter, day, shop.Coffee, 2);
        await shop.AddOrderAsync(Shifter, 60, shop.Coffee);
        await shop.AddOrderAsync(Shifter, 20, shop.Tea, 2);

        Browser = await shop.AddCustomerAsync("browser");
        await shop.AddOrderAsync(Browser, 15, shop.Coffee);
        await shop.AddOrderAsync(Browser, 7, shop.Tea);
        await shop.AddViewsAsync(Browser, shop.Bakery, 31, 12, 10, 5, 0, -1);
        await shop.AddViewsAsync(Browser, shop.Tea, 9, 8);
        await shop.AddViewsAsync(Browser, shop.Coffee, 3);

        NearGold = await shop.AddCustomerAsync("near-gold");
        foreach (var day in new[] { 20, 60, 100, 150, 200, 250, 300 })
            await shop.AddOrderAsync(NearGold, day, shop.Coffee, 10);
        await shop.AddOrderAsync(NearGold, 400, shop.Coffee, 50);
        await shop.AddOrderAsync(NearGold, 0, shop.Coffee, 10);

        Lapsed = await shop.AddCustomerAsync("lapsed");
        await shop.AddOrderAsync(Lapsed, 100, shop.Coffee);
        await shop.AddOrderAsync(Lapsed, 200, shop.Coffee);

        Silent = await shop.AddCustomerAsync("silent", emailConsent: false);
        await shop.AddOrderAsync(Silent, 5, shop.Coffee);

        ViewerOnly = await shop.AddCustomerAsync("viewer-only");
        await shop.AddViewsAsync(ViewerOnly, shop.Bakery, 3, 2, 1);

        Future = await shop.AddCustomerAsync("future");
        await shop.AddOrderAsync(Future, 0, shop.Coffee);
    }

    public async Task DisposeAsync() => await Shop.DisposeAsync();
}
