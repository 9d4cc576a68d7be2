using LoyaltyStudio.Cli;

return await LoyaltyCli.RunAsync(args, Console.Out, Console.Error);
