"""Configure logging from a dictionary (dictConfig, schema version 1).

Supported: formatters, filters, handlers (with 'ext://' references,
'()' factories, MemoryHandler targets), loggers, root,
disable_existing_loggers and the simple parts of incremental mode.
fileConfig and listen() are not provided.

The whole configuration is applied while holding logging._lock, so other
threads never see a half-configured logger tree.
"""

import sys
import importlib

import logging
import logging.handlers

__all__ = ['dictConfig', 'dictConfigClass', 'valid_ident']


def valid_ident(s):
    """Return True if s is an identifier, else raise ValueError."""
    if not s.isidentifier():
        raise ValueError('Not a valid Python identifier: %r' % s)
    return True


def _resolve(name):
    """Import and return the object named by dotted path name."""
    parts = name.split('.')
    used = parts.pop(0)
    try:
        found = importlib.import_module(used)
        for frag in parts:
            used = used + '.' + frag
            try:
                found = getattr(found, frag)
            except AttributeError:
                importlib.import_module(used)
                found = getattr(found, frag)
        return found
    except ImportError as e:
        v = ValueError('Cannot resolve %r: %s' % (name, e))
        raise v from e


class _TargetNotReady(ValueError):
    """A MemoryHandler's target handler is configured later in the pass."""


class DictConfigurator(object):
    """Apply a logging configuration dictionary."""

    def __init__(self, config):
        self.config = dict(config)

    def convert(self, value):
        """Resolve 'ext://name' strings to the named object."""
        if isinstance(value, str) and value.startswith('ext://'):
            return _resolve(value[len('ext://'):])
        return value

    def resolve(self, name):
        return _resolve(name)

    def configure_custom(self, config):
        """Build an object from a dict with a '()' factory key."""
        config = dict(config)
        factory = config.pop('()')
        if not callable(factory):
            factory = self.resolve(factory)
        props = config.pop('.', None)
        kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
        result = factory(**kwargs)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def configure(self):
        """Apply the whole configuration."""
        config = self.config
        if 'version' not in config:
            raise ValueError("dictionary doesn't specify a version")
        if config['version'] != 1:
            raise ValueError("Unsupported version: %s" % config['version'])
        incremental = config.pop('incremental', False)
        with logging._lock:
            if incremental:
                self._configure_incremental(config)
                return
            disable_existing = config.pop('disable_existing_loggers', True)
            self._clear_existing_handlers()

            self.formatters = {}
            for name, fconfig in config.get('formatters', {}).items():
                try:
                    self.formatters[name] = self.configure_formatter(fconfig)
                except Exception as e:
                    raise ValueError('Unable to configure formatter %r' % name) from e

            self.filters = {}
            for name, fconfig in config.get('filters', {}).items():
                try:
                    self.filters[name] = self.configure_filter(fconfig)
                except Exception as e:
                    raise ValueError('Unable to configure filter %r' % name) from e

            self.handlers = {}
            pending = []
            for name in sorted(config.get('handlers', {})):
                hconfig = config['handlers'][name]
                try:
                    handler = self.configure_handler(hconfig)
                except _TargetNotReady:
                    pending.append(name)
                    continue
                except Exception as e:
                    raise ValueError('Unable to configure handler %r' % name) from e
                handler.name = name
                self.handlers[name] = handler
            for name in pending:
                try:
                    handler = self.configure_handler(config['handlers'][name])
                except Exception as e:
                    raise ValueError('Unable to configure handler %r' % name) from e
                handler.name = name
                self.handlers[name] = handler

            root = logging.root
            existing = list(root.manager.loggerDict.keys())
            existing.sort()
            child_loggers = []
            loggers = config.get('loggers', {})
            for name in loggers:
                if name in existing:
                    i = existing.index(name) + 1
                    prefix = name + "."
                    while i < len(existing) and existing[i].startswith(prefix):
                        child_loggers.append(existing[i])
                        i += 1
                    existing.remove(name)
                try:
                    self.configure_logger(name, loggers[name])
                except Exception as e:
                    raise ValueError('Unable to configure logger %r' % name) from e

            for name in existing:
                logger = root.manager.loggerDict[name]
                if name in child_loggers:
                    logger.level = logging.NOTSET
                    logger.handlers = []
                    logger.propagate = True
                elif disable_existing:
                    logger.disabled = True

            rconfig = config.get('root')
            if rconfig:
                try:
                    self.configure_root(rconfig)
                except Exception as e:
                    raise ValueError('Unable to configure root logger') from e
            root.manager._clear_cache()

    def _configure_incremental(self, config):
        """Only change levels of existing handlers and loggers."""
        for name, hconfig in config.get('handlers', {}).items():
            handler = logging._handlers.get(name)
            if handler is None:
                raise ValueError('No handler found with name %r' % name)
            level = hconfig.get('level')
            if level:
                handler.setLevel(logging._checkLevel(level))
        for name, lconfig in config.get('loggers', {}).items():
            self.common_logger_config(logging.getLogger(name), lconfig, True)
        if config.get('root'):
            self.common_logger_config(logging.root, config['root'], True)

    def _clear_existing_handlers(self):
        """Forget handler names, then flush and close every handler."""
        logging._handlers.clear()
        logging.shutdown(logging._handlerList[:])
        del logging._handlerList[:]

    def configure_formatter(self, config):
        if '()' in config:
            return self.configure_custom(config)
        fmt = config.get('format', None)
        dfmt = config.get('datefmt', None)
        style = config.get('style', '%')
        cname = config.get('class', None)
        defaults = config.get('defaults', None)
        validate = config.get('validate', True)
        if not cname:
            klass = logging.Formatter
        else:
            klass = self.resolve(cname)
        if defaults is not None:
            return klass(fmt, dfmt, style, validate, defaults=defaults)
        return klass(fmt, dfmt, style, validate)

    def configure_filter(self, config):
        if '()' in config:
            return self.configure_custom(config)
        return logging.Filter(config.get('name', ''))

    def add_filters(self, filterer, filters):
        for f in filters:
            try:
                if callable(f) or callable(getattr(f, 'filter', None)):
                    filter_ = f
                else:
                    filter_ = self.filters[f]
                filterer.addFilter(filter_)
            except Exception as e:
                raise ValueError('Unable to add filter %r' % f) from e

    def configure_handler(self, config):
        """Create a handler from its config dict."""
        config = dict(config)
        formatter = config.pop('formatter', None)
        if formatter:
            try:
                formatter = self.formatters[formatter]
            except Exception as e:
                raise ValueError('Unable to set formatter %r' % formatter) from e
        level = config.pop('level', None)
        filters = config.pop('filters', None)
        if '()' in config:
            factory = config.pop('()')
            if not callable(factory):
                factory = self.resolve(factory)
        else:
            cname = config.pop('class')
            klass = cname if callable(cname) else self.resolve(cname)
            if issubclass(klass, logging.handlers.MemoryHandler) and 'target' in config:
                try:
                    config['target'] = self.handlers[config['target']]
                except KeyError as e:
                    raise _TargetNotReady('target not configured yet') from e
            factory = klass
        props = config.pop('.', None)
        kwargs = {k: self.convert(v) for k, v in config.items() if valid_ident(k)}
        result = factory(**kwargs)
        if formatter:
            result.setFormatter(formatter)
        if level is not None:
            result.setLevel(logging._checkLevel(level))
        if filters:
            self.add_filters(result, filters)
        if props:
            for name, value in props.items():
                setattr(result, name, value)
        return result

    def add_handlers(self, logger, handlers):
        for h in handlers:
            try:
                logger.addHandler(self.handlers[h])
            except Exception as e:
                raise ValueError('Unable to add handler %r' % h) from e

    def common_logger_config(self, logger, config, incremental=False):
        level = config.get('level', None)
        if level is not None:
            logger.setLevel(logging._checkLevel(level))
        if not incremental:
            for h in logger.handlers[:]:
                logger.removeHandler(h)
            handlers = config.get('handlers', None)
            if handlers:
                self.add_handlers(logger, handlers)
            filters = config.get('filters', None)
            if filters:
                self.add_filters(logger, filters)

    def configure_logger(self, name, config, incremental=False):
        logger = logging.getLogger(name)
        self.common_logger_config(logger, config, incremental)
        logger.disabled = False
        propagate = config.get('propagate', None)
        if propagate is not None:
            logger.propagate = propagate

    def configure_root(self, config, incremental=False):
        self.common_logger_config(logging.getLogger(), config, incremental)


dictConfigClass = DictConfigurator


def dictConfig(config):
    """Configure logging from the dictionary config (see the library docs)."""
    dictConfigClass(config).configure()
