using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The adapter forwards the factory's calls to the builder's hosting APIs; it does not choose which API to use.
#pragma warning disable ASP0012, ASP0013, ASPDEPR008

namespace HostOps.Api.Tests.Infrastructure;

/// <summary>
/// Lets <c>WebApplicationFactory</c> drive the real <see cref="ApiServer"/> entry points. The factory normally runs
/// an assembly's <c>Main</c> to catch its builder; the API is a library (its <c>Main</c> is the CLI's), so this
/// adapter hands the factory the builder from <see cref="ApiServer.CreateBuilder"/> and builds with <see cref="ApiServer.Build"/>.
/// </summary>
internal sealed class ApiHostBuilder(WebApplicationBuilder builder) : IHostBuilder, ISupportsConfigureWebHost
{
    public IDictionary<object, object> Properties => builder.Host.Properties;

    public IHost Build() => ApiServer.Build(builder);

    public IHostBuilder ConfigureWebHost(Action<IWebHostBuilder> configure, Action<WebHostBuilderOptions> configureOptions)
    {
        configure(new WebHostView(builder));
        return this;
    }

    public IHostBuilder ConfigureAppConfiguration(Action<HostBuilderContext, IConfigurationBuilder> configureDelegate)
    {
        builder.Host.ConfigureAppConfiguration(configureDelegate);
        return this;
    }

    public IHostBuilder ConfigureContainer<TContainerBuilder>(Action<HostBuilderContext, TContainerBuilder> configureDelegate)
    {
        builder.Host.ConfigureContainer(configureDelegate);
        return this;
    }

    public IHostBuilder ConfigureHostConfiguration(Action<IConfigurationBuilder> configureDelegate)
    {
        builder.Host.ConfigureHostConfiguration(configureDelegate);
        return this;
    }

    public IHostBuilder ConfigureServices(Action<HostBuilderContext, IServiceCollection> configureDelegate)
    {
        builder.Host.ConfigureServices(configureDelegate);
        return this;
    }

    public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory)
        where TContainerBuilder : notnull
    {
        builder.Host.UseServiceProviderFactory(factory);
        return this;
    }

    public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(Func<HostBuilderContext, IServiceProviderFactory<TContainerBuilder>> factory)
        where TContainerBuilder : notnull
    {
        builder.Host.UseServiceProviderFactory(factory);
        return this;
    }

    /// <summary>
    /// The factory sets a solution-relative content root, which a created <see cref="WebApplicationBuilder"/>
    /// refuses to change. This view keeps the builder's content root and passes everything else through.
    /// </summary>
    private sealed class WebHostView(WebApplicationBuilder builder) : IWebHostBuilder
    {
        public IWebHost Build() => throw new NotSupportedException("ApiHostBuilder builds the host");

        public IWebHostBuilder ConfigureAppConfiguration(Action<WebHostBuilderContext, IConfigurationBuilder> configureDelegate)
        {
            builder.WebHost.ConfigureAppConfiguration(configureDelegate);
            return this;
        }

        public IWebHostBuilder ConfigureServices(Action<IServiceCollection> configureServices)
        {
            builder.WebHost.ConfigureServices(configureServices);
            return this;
        }

        public IWebHostBuilder ConfigureServices(Action<WebHostBuilderContext, IServiceCollection> configureServices)
        {
            builder.WebHost.ConfigureServices(configureServices);
            return this;
        }

        public string? GetSetting(string key) =>
            key == WebHostDefaults.ContentRootKey ? builder.Environment.ContentRootPath : builder.WebHost.GetSetting(key);

        public IWebHostBuilder UseSetting(string key, string? value)
        {
            if (key == WebHostDefaults.ContentRootKey)
            {
                return this; // the API serves no files; its content root does not matter, and cannot change once built
            }

            builder.WebHost.UseSetting(key, value);
            return this;
        }
    }
}
